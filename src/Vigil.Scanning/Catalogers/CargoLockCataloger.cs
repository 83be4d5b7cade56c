using Vigil.Scanning.Purls;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Catalogers;

/// <summary>Rust crates from <c>Cargo.lock</c> <c>[[package]]</c> tables (lockfile v1–v4 share that shape).</summary>
public sealed class CargoLockCataloger : ICataloger
{
    /// <inheritdoc />
    public string Name => "cargo-lock";

    /// <inheritdoc />
    public bool IsCandidate(FileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.FileName == "Cargo.lock";
    }

    /// <inheritdoc />
    public IEnumerable<Component> Catalog(IFileTree tree, FileEntry entry, CatalogContext context)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(entry);
        using var reader = new StreamReader(tree.Open(entry.Path));
        var components = new List<Component>();
        foreach (var table in TomlPackageTables.Read(reader))
        {
            if (table.TryGetValue("name", out var name) && table.TryGetValue("version", out var version) && version.Length > 0)
            {
                components.Add(ComponentFactory.Create(new PackageUrl("cargo", null, name, version), entry.Path));
            }
        }

        return components;
    }
}
