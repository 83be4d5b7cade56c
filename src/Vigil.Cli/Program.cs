using System.CommandLine;
using Vigil.Cli.Commands;

var root = new RootCommand("vigil: SBOMs, vulnerability scans and CI gates against OSV feeds");
root.Subcommands.Add(SbomCommand.Create());
root.Subcommands.Add(FeedCommand.Create());
root.Subcommands.Add(ScanCommand.Create());
// Without a known command: one line and exit 2, like every usage error.
root.Action = new Vigil.Cli.Scan.ExitCodeAction(async (parse, _) =>
{
    await parse.InvocationConfiguration.Error.WriteLineAsync("vigil: no command given; see 'vigil --help'");
    return Vigil.Cli.Scan.ExitCodes.Error;
});
return await root.Parse(args).InvokeAsync();
