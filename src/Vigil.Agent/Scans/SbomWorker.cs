using System.Text.Json;
using Vigil.Scanning.CycloneDx;
using Vigil.Scanning.Catalogers;
using Vigil.Scanning.Registry;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Agent.Scans;

/// <summary>
/// The child process that builds the SBOM (<c>vigil-agent sbom-worker --root R --out F</c>, or <c>--image REF</c> on a
/// scanner agent), so the resident agent
/// never loads the scanner and gives its memory back when the scan ends. Progress goes to stdout as JSON lines; it
/// exits when its parent does (stdin closes), so a killed agent leaves no orphan scan behind.
/// </summary>
public static class SbomWorker
{
    public const int Failed = 1;
    public const int ParentGone = 3;

    public static async Task<int> RunAsync(string root, string output, CancellationToken cancellationToken)
    {
        _ = WatchParentAsync(new StreamReader(Console.OpenStandardInput()));
        try
        {
            if (!OperatingSystem.IsLinux())
            {
                return Fail($"Unsupported operating system ({System.Runtime.InteropServices.RuntimeInformation.OSDescription}): the agent scans Linux hosts only.");
            }

            if (!Directory.Exists(root))
            {
                return Fail($"The scan root {root} does not exist or is not a directory; fix the agent's --root.");
            }

            Report(new WorkerMessage("cataloging", 1));
            // The host root's virtual file systems (/proc, /sys, ...) are skipped by the directory source itself; a
            // container's root seen through /proc/<pid>/root has its own, skipped alike.
            var options = new SourceOptions { SkipDirs = IsContainerRoot(root) ? DirectoryFileTree.HostRootDefaultSkips : [] };
            var progress = new SyncProgress<CatalogProgress>(p => Report(new WorkerMessage("cataloging", Percent(p.FilesWalked), p.FilesWalked)));
            var sbom = await SbomGenerator.GenerateAsync("dir:" + root, options, fileProgress: progress, cancellationToken: cancellationToken);
            await WriteAsync(sbom, output, cancellationToken);
            return 0;
        }
        catch (IOException ex) when (ex.HResult == 28 || ex.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase))
        {
            return Fail($"The disk is full on the agent while writing the SBOM ({Path.GetDirectoryName(output)}); free some space or point TMPDIR at a larger disk, then scan again.");
        }
        catch (UnauthorizedAccessException ex)
        {
            return Fail($"Permission denied reading the scan root {root} ({ex.Message}); run vigil-agent as root (the systemd unit does) or choose a --root it can read.");
        }
        catch (SourceException ex)
        {
            return Fail($"The scan root could not be read: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Fail($"Building the SBOM failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>
    /// Pulls a registry image (a scan the console handed to this scanner agent) and writes its SBOM. The login, when
    /// there is one, is the first line of stdin; the rest of stdin is the parent's lifeline as for a root scan.
    /// </summary>
    public static async Task<int> RunImageAsync(string image, bool insecure, bool loginOnStdin, string output, CancellationToken cancellationToken)
    {
        var stdin = new StreamReader(Console.OpenStandardInput());
        var login = loginOnStdin && await stdin.ReadLineAsync(cancellationToken) is { Length: > 0 } line
            ? JsonSerializer.Deserialize(line, AgentJsonContext.Default.WorkerPullSecret)
            : null;
        _ = WatchParentAsync(stdin);
        if (loginOnStdin && login is null)
        {
            return Fail("The agent gave the SBOM worker no registry login; scan again.");
        }

        var registry = image[..Math.Max(0, image.IndexOf('/'))];
        try
        {
            Report(new WorkerMessage("pulling", 2));
            using var client = new RegistryClient(new RegistryClientOptions
            {
                Insecure = insecure,
                Credentials = host => host == registry && login is not null ? new RegistryCredentials(login.Username, login.Password) : null,
            });
            var layers = new SyncProgress<SourceProgress>(p => Report(new WorkerMessage("pulling", 2 + (80 * (p.Index - 1) / Math.Max(1, p.Count)))));
            var sbom = await SbomGenerator.GenerateAsync("registry:" + image, new SourceOptions { RegistryClient = client }, layers, cancellationToken: cancellationToken);
            await WriteAsync(sbom, output, cancellationToken);
            return 0;
        }
        catch (IOException ex) when (ex.HResult == 28 || ex.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase))
        {
            return Fail($"The disk is full on the scanner agent while pulling {image}; free some space or point TMPDIR at a larger disk, then scan again.");
        }
        catch (SourceException ex)
        {
            return Fail($"The scanner agent could not pull {image}: {ex.Message}");
        }
        catch (HttpRequestException ex)
        {
            return Fail($"The scanner agent could not reach the registry {registry} ({ex.Message}); check this machine's network access to it, or stop the agent's scanner capability.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Fail($"Building the SBOM of {image} failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static async Task WriteAsync(SbomGeneration sbom, string output, CancellationToken cancellationToken)
    {
        Report(new WorkerMessage("writing", 88, sbom.FilesWalked));
        await using (var file = File.Create(output))
        {
            await CycloneDxWriter.WriteAsync(sbom.Document, file, sbom.SubjectType, cancellationToken);
        }

        Report(new WorkerMessage("written", 90, sbom.FilesWalked));
    }

    private static bool IsContainerRoot(string root) =>
        System.Text.RegularExpressions.Regex.IsMatch(root, "^/proc/[0-9]+/root/?$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>A progress estimate without a file count up front: it approaches 85 % as files are walked, never reaching it early.</summary>
    public static int Percent(long filesWalked) => (int)(1 + (84 * (1 - Math.Exp(-filesWalked / 60_000.0))));

    private static int Fail(string error)
    {
        Report(new WorkerMessage(null, 0, Error: error));
        return Failed;
    }

    private static void Report(WorkerMessage message)
    {
        lock (Console.Out)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(message, AgentJsonContext.Default.WorkerMessage));
            Console.Out.Flush();
        }
    }

    private static async Task WatchParentAsync(TextReader stdin)
    {
        var buffer = new char[64];
        while (await stdin.ReadAsync(buffer) > 0)
        {
        }

        Environment.Exit(ParentGone);
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
