using System.CommandLine;
using Vigil.Cli.Scan;
using Vigil.Scanning.CycloneDx;
using Vigil.Scanning.Registry;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil sbom TARGET [--format cyclonedx|table] [-o FILE] [--skip-dirs DIR...] [--platform OS/ARCH] [--insecure]</c>:
/// catalogs a directory, image archive or registry image. Errors print one line and exit 2; progress goes to stderr
/// only when stderr is a terminal, so pipes and CI logs stay clean.
/// </summary>
public static class SbomCommand
{
    /// <summary>Exit code of a failed run (1 is left for "findings above threshold" in scan).</summary>
    public const int ErrorExitCode = 2;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var target = new Argument<string>("target")
        {
            Description = "dir:PATH, oci-dir:PATH, docker-archive:FILE, oci-archive:FILE, registry:HOST/REPO[:TAG|@DIGEST], or a path to detect",
        };
        // Checked in RunAsync rather than with AcceptOnlyFromAmong, so a wrong format exits 2 like every other error.
        var format = new Option<string>("--format", "-f") { Description = "Output format: cyclonedx or table", DefaultValueFactory = _ => "cyclonedx" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to FILE instead of stdout" };
        var skipDirs = new Option<string[]>("--skip-dirs")
        {
            Description = "Directories not to walk (repeat or comma-separate); /proc, /sys, /dev and /run are skipped when scanning /",
            AllowMultipleArgumentsPerToken = true,
        };
        var platform = new Option<string?>("--platform") { Description = "Image platform to pick from a multi-platform index (default linux/amd64)" };
        var insecure = new Option<bool>("--insecure") { Description = "Talk plain HTTP to the registry (only for registries you control)" };

        var command = new Command("sbom", "Generate a CycloneDX 1.6 SBOM of a directory, image archive or registry image")
        {
            target, format, output, skipDirs, platform, insecure,
        };
        // Usage mistakes exit 2 with one line like every other error (System.CommandLine alone would exit 1).
        command.TreatUnmatchedTokensAsErrors = false;
        command.Action = new ExitCodeAction(async (parse, cancellationToken) =>
        {
            var request = new SbomRequest(
                parse.GetValue(target)!,
                parse.GetValue(format) ?? "cyclonedx",
                parse.GetValue(output),
                (parse.GetValue(skipDirs) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
                parse.GetValue(platform),
                parse.GetValue(insecure));
            return await RunAsync(request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, !Console.IsErrorRedirected, cancellationToken);
        });
        return command;
    }

    /// <summary>Runs one SBOM generation; returns the process exit code.</summary>
    public static async Task<int> RunAsync(SbomRequest request, TextWriter stdout, TextWriter stderr, bool showProgress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        using var progress = showProgress ? new TerminalProgress(stderr) : null;
        try
        {
            if (request.Format is not ("cyclonedx" or "table"))
            {
                throw new ArgumentException($"unknown format '{request.Format}' (cyclonedx or table)");
            }

            using var registry = new RegistryClient(new RegistryClientOptions
            {
                Insecure = request.Insecure,
                Credentials = RegistryCredentialsFromEnvironment,
            });
            var options = new SourceOptions
            {
                SkipDirs = request.SkipDirs,
                Platform = request.Platform is null ? ImagePlatform.Default : ImagePlatform.Parse(request.Platform),
                RegistryClient = registry,
            };
            var generation = await SbomGenerator.GenerateAsync(request.Target, options, progress?.Layers, progress?.Files, cancellationToken);
            progress?.Done(generation.Document.Components.Count);
            foreach (var warning in generation.Warnings)
            {
                await stderr.WriteLineAsync($"warning: {warning}");
            }

            await WriteAsync(request, generation.Document, generation.SubjectType, stdout, cancellationToken);
            return 0;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException or InvalidDataException)
        {
            progress?.Clear();
            await stderr.WriteLineAsync($"vigil sbom: {OneLine(e.Message)}");
            return ErrorExitCode;
        }
    }

    private static async Task WriteAsync(SbomRequest request, SbomDocument document, string subjectType, TextWriter stdout, CancellationToken cancellationToken)
    {
        if (request.Output is { } file)
        {
            await using var stream = file.Create();
            if (request.Format == "table")
            {
                await using var writer = new StreamWriter(stream);
                SbomTableWriter.Write(document, writer);
            }
            else
            {
                await CycloneDxWriter.WriteAsync(document, stream, subjectType, cancellationToken);
            }

            return;
        }

        if (request.Format == "table")
        {
            SbomTableWriter.Write(document, stdout);
        }
        else
        {
            await stdout.WriteLineAsync(CycloneDxWriter.WriteToString(document, subjectType));
        }
    }

    private static RegistryCredentials? RegistryCredentialsFromEnvironment(string registry)
    {
        // Credentials never go on the command line, where other users can read them from the process list.
        var user = Environment.GetEnvironmentVariable("VIGIL_REGISTRY_USERNAME");
        var password = Environment.GetEnvironmentVariable("VIGIL_REGISTRY_PASSWORD");
        return string.IsNullOrEmpty(user) || password is null ? null : new RegistryCredentials(user, password);
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
