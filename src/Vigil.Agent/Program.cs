using System.CommandLine;
using Vigil.Agent.Commands;

var root = new RootCommand("vigil-agent: enrolls this machine with a Vigil console and reports its facts and heartbeats");
root.Subcommands.Add(EnrollCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(SbomWorkerCommand.Create());
return await root.Parse(args).InvokeAsync();
