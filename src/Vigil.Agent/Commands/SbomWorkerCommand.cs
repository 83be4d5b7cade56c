using System.CommandLine;

namespace Vigil.Agent.Commands;

/// <summary>
/// <c>vigil-agent sbom-worker --root R --out F</c>: hidden; the resident agent starts it for each scan. This class only
/// declares the command, so building the command line never loads the scanner into the resident process.
/// </summary>
public static class SbomWorkerCommand
{
    public static Command Create()
    {
        var root = new Option<string>("--root") { Required = true, Description = "Root of the filesystem to catalog" };
        var output = new Option<string>("--out") { Required = true, Description = "Where to write the CycloneDX JSON" };
        var command = new Command("sbom-worker", "Builds one SBOM for the resident agent (internal)") { root, output };
        command.Hidden = true;
        command.SetAction((parse, cancellationToken) => Scans.SbomWorker.RunAsync(parse.GetValue(root)!, parse.GetValue(output)!, cancellationToken));
        return command;
    }
}
