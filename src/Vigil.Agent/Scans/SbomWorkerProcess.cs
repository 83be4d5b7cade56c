using System.Diagnostics;
using System.Text.Json;

namespace Vigil.Agent.Scans;

/// <summary>Runs one <c>sbom-worker</c> child (this same executable) and relays its progress lines.</summary>
public static class SbomWorkerProcess
{
    /// <summary>
    /// Runs the worker for <paramref name="target"/> into <paramref name="output"/>. <paramref name="onProgress"/> returns
    /// false to stop it (the console no longer wants the scan); cancellation kills it.
    /// </summary>
    public static async Task<WorkerOutcome> RunAsync(WorkerTarget target, string output, Func<WorkerMessage, Task<bool>> onProgress, CancellationToken cancellationToken)
    {
        using var process = Process.Start(StartInfo(target, output)) ?? throw new InvalidOperationException("Could not start the SBOM worker.");
        if (target.Login is { } login)
        {
            // The login goes through the pipe, never the command line; stdin then stays open to tell the worker we live.
            await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(login, AgentJsonContext.Default.WorkerPullSecret));
            await process.StandardInput.FlushAsync(cancellationToken);
        }

        using var kill = cancellationToken.Register(() => Kill(process));
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        string? error = null;
        var stopped = false;
        while (await process.StandardOutput.ReadLineAsync(CancellationToken.None) is { } line)
        {
            WorkerMessage? message;
            try
            {
                message = JsonSerializer.Deserialize(line, AgentJsonContext.Default.WorkerMessage);
            }
            catch (JsonException)
            {
                continue;
            }

            if (message?.Error is { } reported)
            {
                error = reported;
            }
            else if (message?.Stage is not null && !stopped && !await onProgress(message))
            {
                stopped = true;
                Kill(process);
            }
        }

        await process.WaitForExitAsync(CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        if (stopped)
        {
            return new WorkerOutcome(null, StoppedByConsole: true);
        }

        if (error is not null || process.ExitCode == 0)
        {
            return new WorkerOutcome(error);
        }

        var detail = (await stderr).Trim();
        detail = detail.Length > 500 ? detail[^500..] : detail;
        return new WorkerOutcome(process.ExitCode is 137 or -9
            ? "The SBOM builder was killed (SIGKILL: out of memory?); check the agent machine's memory and scan again."
            : $"The SBOM builder exited with code {process.ExitCode}{(detail.Length > 0 ? ": " + detail : "")}.");
    }

    private static ProcessStartInfo StartInfo(WorkerTarget target, string output)
    {
        // The same program as this process: the apphost directly, or `dotnet vigil-agent.dll` when run that way.
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true, // closed when this process dies, which stops the worker (see SbomWorker)
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vigil-agent.dll"));
        }

        string[] what = target.Image is { } image
            ? ["--image", image, .. target.Insecure ? ["--insecure"] : Array.Empty<string>(), .. target.Login is null ? Array.Empty<string>() : ["--login-on-stdin"]]
            : ["--root", target.Root!];
        foreach (var argument in (string[])["sbom-worker", .. what, "--out", output])
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
