using System.CommandLine;
using Vigil.Cli.Commands;

var root = new RootCommand("vigil: SBOMs, vulnerability scans and CI gates against OSV feeds");
root.Subcommands.Add(SbomCommand.Create());
root.Subcommands.Add(FeedCommand.Create());
root.Subcommands.Add(ScanCommand.Create());
return await root.Parse(args).InvokeAsync();
