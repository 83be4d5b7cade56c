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

        // The same entry point as `vigil sbom`; scanning the host root skips the kernel's virtual file systems.
        var hostRoot = Directory.Exists(request.Target) && Path.GetFullPath(request.Target!) == "/";
        var options = new SourceOptions { SkipDirs = hostRoot ? DirectoryFileTree.HostRootDefaultSkips : [] };
        var generation = await SbomGenerator.GenerateAsync(request.Target!, options, cancellationToken: cancellationToken);
        return (generation.Document, []);
    }
}
