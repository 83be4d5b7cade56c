using System.CommandLine;
using Vigil.Cli.Commands;

namespace Vigil.Matching.Tests.Support;

/// <summary>Runs the <c>vigil</c> command tree in-process with captured stdout and stderr.</summary>
internal static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static async Task<Outcome> RunAsync(params string[] args)
    {
        // Same composition as src/Vigil.Cli/Program.cs.
        var root = new RootCommand("vigil");
        root.Subcommands.Add(SbomCommand.Create());
        root.Subcommands.Add(FeedCommand.Create());
        root.Subcommands.Add(ScanCommand.Create());
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, TestContext.Current.CancellationToken);
        return new Outcome(exit, stdout.ToString(), stderr.ToString());
    }
}
