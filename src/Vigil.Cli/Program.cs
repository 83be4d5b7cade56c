using System.CommandLine;

var root = new RootCommand("vigil: SBOMs, vulnerability scans and CI gates against OSV feeds");
root.Subcommands.Add(Vigil.Cli.Commands.SbomCommand.Create());
return await root.Parse(args).InvokeAsync();
