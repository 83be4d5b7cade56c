using System.CommandLine;
using Vigil.Cli.Commands;

namespace Vigil.Scanning.Tests.Cli;

public sealed class SbomCommandUsageTests
{
    [Theory]
    [InlineData("sbom", "--bogus", "/tmp")]
    [InlineData("sbom")]
    [InlineData("sbom", "dir:/tmp", "--format")]
    public async Task Usage_mistakes_exit_2_with_one_line(params string[] args)
    {
        var root = new RootCommand("vigil");
        root.Subcommands.Add(SbomCommand.Create());
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });

        Assert.Equal(2, exit);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("vigil: ", lines[0]);
        Assert.Empty(stdout.ToString());
    }
}
