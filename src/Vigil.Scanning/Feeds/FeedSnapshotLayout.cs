using System.Security.Cryptography;
using System.Text;

namespace Vigil.Scanning.Feeds;

/// <summary>
/// File names inside a store and a snapshot. One snapshot is a directory: <c>advisories.jsonl</c> (compact OSV, one
/// record per line, sorted by id), <c>ecosystems.tsv</c> (ecosystem, index file, count), <c>index/*.tsv</c> (normalised
/// name, byte offset, length) per ecosystem, <c>ids.tsv</c> (id or alias, offset, length), <c>severity.tsv</c> (id or alias, level, score, advisory) and
/// <c>manifest.json</c>.
/// Readers only touch the index of an ecosystem they are asked about.
/// </summary>
public static class FeedSnapshotLayout
{
    /// <summary>Layout version; bump it when a file is added or changes shape.</summary>
    public const int Version = 2;

    /// <summary>File in the store holding the current snapshot id.</summary>
    public const string CurrentFile = "current";

    /// <summary>Folder of snapshots in the store.</summary>
    public const string SnapshotsFolder = "snapshots";

    /// <summary>Download cache folder in the store.</summary>
    public const string DownloadsFolder = "downloads";

    /// <summary>Advisory lines.</summary>
    public const string AdvisoriesFile = "advisories.jsonl";

    /// <summary>Ecosystem list.</summary>
    public const string EcosystemsFile = "ecosystems.tsv";

    /// <summary>Per-ecosystem index folder.</summary>
    public const string IndexFolder = "index";

    /// <summary>Id and alias index.</summary>
    public const string IdsFile = "ids.tsv";

    /// <summary>Worst own severity per id or alias (only ids that have one), for the alias fallback of contracts §6.</summary>
    public const string SeverityFile = "severity.tsv";

    /// <summary>Snapshot manifest.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>A file-system-safe, collision-free name for an ecosystem's index file.</summary>
    public static string IndexFileName(string ecosystem)
    {
        var safe = new string(ecosystem.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ecosystem)))[..8];
        return $"{safe}-{hash}.tsv";
    }
}
