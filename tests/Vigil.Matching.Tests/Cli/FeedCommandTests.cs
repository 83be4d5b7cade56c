using Vigil.Matching.Tests.Support;

namespace Vigil.Matching.Tests.Cli;

public sealed class FeedCommandTests
{
    [Fact]
    public async Task Import_then_status_reports_the_snapshot()
    {
        using var dir = new TemporaryDirectory();
        dir.File("feed/PYSEC-1.json", OsvJson.Advisory("PYSEC-1", "PyPI", "requests", "[" + OsvJson.Range("ECOSYSTEM", ("introduced", "0"), ("fixed", "2.0")) + "]"));
        dir.File("feed/bad.json", "{");
        var store = Path.Combine(dir.Path, "store");

        var import = await CliRunner.RunAsync("feed", "import", Path.Combine(dir.Path, "feed"), "--store", store);
        var status = await CliRunner.RunAsync("feed", "status", "--store", store);

        Assert.Equal(0, import.ExitCode);
        Assert.Matches(@"^snapshot [0-9a-f]{16}: 1 advisories; imported 1, withdrawn 0, skipped 1", import.Stdout);
        Assert.Contains("skipped bad.json: invalid JSON", import.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("advisories 1, skipped at import 1", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("PyPI", status.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_of_a_missing_source_exits_2_with_one_line()
    {
        using var dir = new TemporaryDirectory();

        var outcome = await CliRunner.RunAsync("feed", "import", Path.Combine(dir.Path, "missing"), "--store", Path.Combine(dir.Path, "store"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Single(outcome.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("vigil: feed source not found", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_of_a_corrupt_zip_exits_2_and_keeps_the_previous_snapshot()
    {
        using var dir = new TemporaryDirectory();
        var store = Path.Combine(dir.Path, "store");
        dir.File("feed/PYSEC-1.json", OsvJson.Advisory("PYSEC-1", "PyPI", "requests", "[" + OsvJson.Range("ECOSYSTEM", ("introduced", "0"), ("fixed", "2.0")) + "]"));
        await CliRunner.RunAsync("feed", "import", Path.Combine(dir.Path, "feed"), "--store", store);
        var before = File.ReadAllText(Path.Combine(store, "current"));

        var outcome = await CliRunner.RunAsync("feed", "import", dir.File("PyPI/all.zip", "garbage"), "--store", store);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("not a readable zip", outcome.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(store, "current")));
    }

    [Fact]
    public async Task Import_without_sources_and_unknown_options_exit_2()
    {
        var none = await CliRunner.RunAsync("feed", "import", "--store", "/tmp/x");
        var unknown = await CliRunner.RunAsync("feed", "status", "--bogus");
        var missingValue = await CliRunner.RunAsync("feed", "status", "--store");

        Assert.Equal((2, 2, 2), (none.ExitCode, unknown.ExitCode, missingValue.ExitCode));
        Assert.Contains("at least one", none.Stderr, StringComparison.Ordinal);
        Assert.Contains("--bogus", unknown.Stderr, StringComparison.Ordinal);
    }
}
