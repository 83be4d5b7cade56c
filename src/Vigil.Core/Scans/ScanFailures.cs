namespace Vigil.Core.Scans;

/// <summary>Why scans fail, in words a user can act on: the one place these sentences live.</summary>
public static class ScanFailures
{
    public const string ConsoleRestarted = "The console restarted during the scan; start it again.";
    public const string AgentLost = "The agent lost its connection to the console during the scan (stopped, killed or network failure); check that vigil-agent runs on the node, then scan again.";
    /// <summary>A scan run by another node's agent (a registry image on a scanner agent, a container on its host) whose agent went away.</summary>
    public static string ScannerAgentLost(string agent) =>
        $"The agent of {agent}, which ran this scan, lost its connection to the console (stopped, killed or network failure); check that it runs, then scan again.";

    public const string NodeRemoved = "The node was removed from the inventory.";

    public static string NotPickedUp(TimeSpan timeout) =>
        $"No agent picked the scan up within {Minutes(timeout)}; check that vigil-agent runs on the node and is connected (Nodes page), then scan again.";

    public static string Stalled(TimeSpan timeout) =>
        $"The agent reported no progress for {Minutes(timeout)}; the scan was abandoned. Check the agent's log (journalctl -u vigil-agent) and scan again.";

    public static string TimedOut(TimeSpan timeout) =>
        $"The scan exceeded its time limit of {Minutes(timeout)}; raise Vigil:Scans:TotalTimeout for very large nodes, or exclude large directories.";

    public const string NoFeed = "No vulnerability feed has been imported yet, so nothing could be matched. The SBOM was kept and is matched as soon as a feed arrives (Settings → Feed).";

    public static string CannotScanType(string type) =>
        $"A node of type {type} has no agent to scan it; push its SBOM with POST /api/v1/sboms (or `vigil scan --console`) instead.";

    public static string RegistryRefusedCredentials(string detail) =>
        $"The registry refused the credentials ({detail}); check the integration's user name and password or token (Integrations page), then scan again.";

    public static string ManifestNotFound(string image) =>
        $"Manifest not found: {image} is no longer in the registry (the tag moved or the image was deleted); refresh the tags and scan again.";

    public static string RateLimited(string detail) =>
        $"Rate limited for too long by the registry ({detail}); lower Vigil:Registries:ConcurrencyPerRegistry or scan later.";

    public static string ImageNotPulled(string detail) => $"The image could not be pulled: {detail}";

    public const string RegistryRemoved = "The registry integration was deleted; the image cannot be pulled any more.";

    private static string Minutes(TimeSpan span) =>
        span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} minutes" : $"{span.TotalSeconds:0} seconds";
}
