using Vigil.Scanning.Sbom;

namespace Vigil.Scanning.Catalogers;

/// <summary>The outcome of cataloging one tree.</summary>
/// <param name="Document">The SBOM: target, OS and merged components.</param>
/// <param name="Warnings">Files that could not be read, each naming the file and the reason; the scan goes on without them.</param>
/// <param name="FilesWalked">How many files and links the walk saw.</param>
public sealed record CatalogResult(SbomDocument Document, IReadOnlyList<string> Warnings, long FilesWalked);
