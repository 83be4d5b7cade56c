using Vigil.Scanning.Catalogers;
using Vigil.Scanning.CycloneDx;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Cli.Scan;

/// <summary>Produces the SBOM to scan: read from <c>--sbom</c>, or cataloged from a target as <c>vigil sbom</c> does.</summary>
public static class SbomSource
{
    /// <summary>The document and the components it could not identify.</summary>
    public static async Task<(SbomDocument Document, IReadOnlyList<(string Name, string Reason)> Unidentified)> LoadAsync(ScanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Sbom is not null)
        {
            if (!File.Exists(request.Sbom))
            {
                throw new UsageException($"SBOM file not found: {request.Sbom}");
            }

            await using var stream = File.OpenRead(request.Sbom);
            var read = await CycloneDxReader.ReadAsync(stream, cancellationToken);
            return (read.Document, read.Unidentified.Select(u => (u.Name, u.Reason)).ToList());
        }

        var target = SourceTarget.Parse(request.Target!);
        var cataloging = new Cataloging();
        var options = new SourceOptions { SkipDirs = target.Kind == SourceKind.Directory && Path.GetFullPath(target.Value) == "/" ? DirectoryFileTree.HostRootDefaultSkips : [] };
        using var source = await SourceOpener.OpenAsync(target, options, cataloging.IsCandidate, cancellationToken: cancellationToken);
        var result = cataloging.Run(source.Tree, cancellationToken: cancellationToken);
        return (result.Document, []);
    }
}
