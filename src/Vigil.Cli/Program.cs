using System.CommandLine;

var root = new RootCommand("vigil: SBOMs, vulnerability scans and CI gates against OSV feeds");
return await root.Parse(args).InvokeAsync();
