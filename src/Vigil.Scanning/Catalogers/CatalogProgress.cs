namespace Vigil.Scanning.Catalogers;

/// <summary>Progress of a catalog run, reported now and then for a terminal display.</summary>
/// <param name="FilesWalked">Files and links seen so far.</param>
/// <param name="PackagesFound">Components found so far (before merging duplicates).</param>
public readonly record struct CatalogProgress(long FilesWalked, long PackagesFound);
