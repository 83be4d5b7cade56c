using Vigil.Scanning.Catalogers;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Sbom;

/// <summary>
/// The one entry point the CLI, the agent and the console call to turn a target string into an SBOM: parse the
/// target, open the source (keeping only what catalogers read), catalog it, and clean the scratch space up.
/// </summary>
public static class SbomGenerator
{
    /// <summary>Generates the SBOM of <paramref name="target"/> (<c>dir:</c>, <c>oci-dir:</c>, <c>docker-archive:</c>, <c>oci-archive:</c>, <c>registry:</c> or a path).</summary>
    /// <exception cref="SourceException">The target cannot be read; the message names it and the reason.</exception>
    /// <exception cref="ArgumentException">The target or an option is malformed.</exception>
    public static async Task<SbomGeneration> GenerateAsync(
        string target,
        SourceOptions options,
        IProgress<SourceProgress>? layerProgress = null,
        IProgress<CatalogProgress>? fileProgress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cataloging = new Cataloging();
        using var source = await SourceOpener.OpenAsync(SourceTarget.Parse(target), options, cataloging.IsCandidate, layerProgress, cancellationToken);
        var result = cataloging.Run(source.Tree, fileProgress, cancellationToken);
        return new SbomGeneration(result.Document with { TargetName = target }, source.SubjectType, result.Warnings, result.FilesWalked);
    }
}
