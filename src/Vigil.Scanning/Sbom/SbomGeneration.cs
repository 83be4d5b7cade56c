namespace Vigil.Scanning.Sbom;

/// <summary>The outcome of <see cref="SbomGenerator.GenerateAsync"/>.</summary>
/// <param name="Document">The SBOM, named after the target as given.</param>
/// <param name="SubjectType">CycloneDX type of the subject (<c>container</c> or <c>file</c>) for the writer.</param>
/// <param name="Warnings">Files that could not be read, each with its reason.</param>
/// <param name="FilesWalked">Files and links seen.</param>
public sealed record SbomGeneration(SbomDocument Document, string SubjectType, IReadOnlyList<string> Warnings, long FilesWalked);
