using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// Finds packages of one kind in a file tree. The driver walks the tree once and hands each cataloger the files it
/// claims by path (<see cref="IsCandidate"/>), so a cataloger never walks the tree itself.
/// </summary>
public interface ICataloger
{
    /// <summary>Short name for messages (<c>dpkg</c>, <c>npm-lock</c>).</summary>
    string Name { get; }

    /// <summary>Cheap test on the path (and size) alone: does this file hold packages this cataloger reads?</summary>
    bool IsCandidate(FileEntry entry);

    /// <summary>Reads the packages in <paramref name="entry"/>; may open it and its neighbours through <paramref name="tree"/>.</summary>
    IEnumerable<Component> Catalog(IFileTree tree, FileEntry entry, CatalogContext context);
}
