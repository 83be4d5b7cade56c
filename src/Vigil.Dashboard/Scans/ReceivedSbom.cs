using Vigil.Scanning.Sbom;

namespace Vigil.Dashboard.Scans;

/// <summary>An accepted upload: the parsed SBOM and its gzip-compressed CycloneDX JSON as it will be kept.</summary>
public sealed record ReceivedSbom(SbomReadResult Sbom, byte[] Compressed);
