using Bunit;
using Vigil.Dashboard.Components.Wall;
using Vigil.Dashboard.Tests.Components;
using Vigil.Dashboard.Wall;

namespace Vigil.Dashboard.Tests.Wall;

public sealed class WallScansTests : ComponentTest
{
    [Fact]
    public void Running_scans_show_stage_and_percent_and_queued_ones_wait()
    {
        var now = DateTimeOffset.UtcNow;
        var cut = Render<WallScans>(p => p.Add(c => c.Scans,
        [
            new WallScan("s1", "n1", "web-1", true, "cataloging", 42, now),
            new WallScan("s2", "n2", "db-1", false, "queued", 0, now),
        ]));

        var running = cut.Find("[data-scan-id=s1]");
        Assert.Equal("42", running.GetAttribute("data-percent"));
        Assert.Contains("cataloging", running.TextContent, StringComparison.Ordinal);
        Assert.Contains("42%", running.TextContent, StringComparison.Ordinal);
        Assert.Equal("42", running.QuerySelector("[role=progressbar]")?.GetAttribute("aria-valuenow"));
        Assert.Contains("queued", cut.Find("[data-scan-id=s2]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1 running · 1 queued", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void No_scans_says_so()
    {
        var cut = Render<WallScans>(p => p.Add(c => c.Scans, []));
        Assert.Contains("No scan is running", cut.Markup, StringComparison.Ordinal);
    }
}
