using System.CommandLine;

namespace Vigil.Agent.Commands;

/// <summary>
/// <c>vigil-agent sbom-worker (--root R | --image REF [--insecure] [--login-on-stdin]) --out F</c>: hidden; the
/// resident agent starts it for each scan. This class only declares the command, so building the command line never
/// loads the scanner into the resident process.
/// </summary>
public static class SbomWorkerCommand
{
    public static Command Create()
    {
        var root = new Option<string>("--root") { Description = "Root of the filesystem to catalog" };
        var image = new Option<string>("--image") { Description = "Registry image to pull and catalog (HOST/REPO@DIGEST)" };
        var insecure = new Option<bool>("--insecure") { Description = "Talk to the image's registry over plain HTTP" };
        var loginOnStdin = new Option<bool>("--login-on-stdin") { Description = "Read the registry login as the first line of stdin (JSON)" };
        var output = new Option<string>("--out") { Required = true, Description = "Where to write the CycloneDX JSON" };
        var command = new Command("sbom-worker", "Builds one SBOM for the resident agent (internal)") { root, image, insecure, loginOnStdin, output };
        command.Hidden = true;
        command.Validators.Add(result =>
        {
            if ((result.GetValue(root) is null) == (result.GetValue(image) is null))
            {
                result.AddError("Give exactly one of --root and --image.");
            }
        });
        command.SetAction((parse, cancellationToken) => parse.GetValue(image) is { } reference
            ? Scans.SbomWorker.RunImageAsync(reference, parse.GetValue(insecure), parse.GetValue(loginOnStdin), parse.GetValue(output)!, cancellationToken)
            : Scans.SbomWorker.RunAsync(parse.GetValue(root)!, parse.GetValue(output)!, cancellationToken));
        return command;
    }
}
