namespace Vigil.Dashboard.Feeds;

/// <summary>The <c>Vigil:Feeds</c> configuration section (contracts §1).</summary>
public sealed class FeedOptions
{
    public const string SectionName = "Vigil:Feeds";

    /// <summary>Directories, zips or HTTP(S) URLs of OSV bulk zips; relative paths resolve against appsettings.json's folder.</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>5-field cron of the periodic re-import; default every six hours, at a minute few other jobs use.</summary>
    public string Refresh { get; set; } = "17 */6 * * *";

    /// <summary>Import when the console starts (in the background); test hosts that never match turn it off to save the CPU.</summary>
    public bool ImportAtStart { get; set; } = true;

    /// <summary>IANA time zone of <see cref="Refresh"/>.</summary>
    public string RefreshTimeZone { get; set; } = "UTC";
}
