namespace Vigil.Scanning.Sources;

/// <summary>A parsed scan target: its kind and the path or reference after the prefix.</summary>
/// <param name="Kind">Which source reads it.</param>
/// <param name="Value">Path or image reference.</param>
public sealed record SourceTarget(SourceKind Kind, string Value)
{
    private static readonly (string Prefix, SourceKind Kind)[] Prefixes =
    [
        ("dir:", SourceKind.Directory),
        ("oci-dir:", SourceKind.OciDirectory),
        ("docker-archive:", SourceKind.DockerArchive),
        ("oci-archive:", SourceKind.OciArchive),
        ("registry:", SourceKind.Registry),
    ];

    /// <summary>
    /// Parses a target. Without a prefix the kind is detected: a directory with <c>oci-layout</c> is an OCI layout,
    /// another directory is a directory, a tar file with <c>manifest.json</c> is a docker archive and one with
    /// <c>oci-layout</c> an OCI archive; anything else that looks like an image reference is a registry image.
    /// </summary>
    /// <exception cref="ArgumentException">The target is empty or names nothing that exists.</exception>
    public static SourceTarget Parse(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        foreach (var (prefix, kind) in Prefixes)
        {
            if (target.StartsWith(prefix, StringComparison.Ordinal))
            {
                var value = target[prefix.Length..];
                return value.Length == 0 ? throw new ArgumentException($"{target}: nothing after '{prefix}'") : new SourceTarget(kind, value);
            }
        }

        if (Directory.Exists(target))
        {
            return new SourceTarget(File.Exists(Path.Combine(target, "oci-layout")) ? SourceKind.OciDirectory : SourceKind.Directory, target);
        }

        if (File.Exists(target))
        {
            return new SourceTarget(ArchiveLayout.Detect(target), target);
        }

        if (target.Contains('/', StringComparison.Ordinal) && !target.StartsWith('/') && !target.StartsWith('.'))
        {
            return new SourceTarget(SourceKind.Registry, target);
        }

        throw new ArgumentException($"{target}: no such file or directory, and not an image reference (use registry:HOST/REPO:TAG)");
    }
}
