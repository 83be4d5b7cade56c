using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Vigil.Plugins.LocalFleet;

/// <summary>Starts, finds and stops the <c>vigil-agent</c> processes of a fleet (Linux: <c>/proc</c> and signals).</summary>
public static partial class AgentProcesses
{
    private const int SigTerm = 15;
    private const int SigKill = 9;

    /// <summary>Runs <c>vigil-agent enroll</c> and returns the node id it enrolled as.</summary>
    /// <exception cref="InvalidOperationException">The agent refused or failed; the message carries its output (never the token).</exception>
    public static async Task<string> EnrollAsync(AgentCommand agent, Uri console, string token, string name, string stateDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(agent.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[.. agent.Prefix, "enroll", "--console", console.ToString(), "--token", token, "--name", name, "--state-dir", stateDirectory])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("STATE_DIRECTORY");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {agent}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"vigil-agent enroll failed ({process.ExitCode}): {(await error).Trim()} {(await output).Trim()}".Trim());
        }

        using var state = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(stateDirectory, "agent.json"), cancellationToken));
        return state.RootElement.GetProperty("nodeId").GetString() ?? throw new InvalidOperationException("the agent's state names no node");
    }

    /// <summary>Starts <c>vigil-agent run</c> detached from the console (it keeps running across console restarts), logging to <paramref name="logFile"/>.</summary>
    public static int StartRun(AgentCommand agent, string stateDirectory, string root, string logFile)
    {
        // exec: the shell becomes the agent, so the pid we record is the agent's own.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var argument in (string[])["-c", "exec \"$@\" >>\"$VIGIL_FLEET_LOG\" 2>&1 </dev/null", "sh", agent.FileName, .. agent.Prefix, "run", "--state-dir", stateDirectory, "--root", root])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["VIGIL_FLEET_LOG"] = logFile;
        start.Environment.Remove("STATE_DIRECTORY");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {agent}");
        return process.Id;
    }

    /// <summary>Whether <paramref name="processId"/> is still this instance's agent (a recycled pid is not).</summary>
    public static bool IsRunning(int? processId, string stateDirectory)
    {
        if (processId is not { } pid)
        {
            return false;
        }

        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            return commandLine.Contains("run", StringComparer.Ordinal) && commandLine.Contains(stateDirectory, StringComparer.Ordinal)
                && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Stops the agent: SIGTERM, and SIGKILL when it has not exited within 10 s.</summary>
    public static async Task StopAsync(int? processId, string stateDirectory, CancellationToken cancellationToken)
    {
        if (!IsRunning(processId, stateDirectory))
        {
            return;
        }

        _ = Kill(processId!.Value, SigTerm);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (IsRunning(processId, stateDirectory) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }

        if (IsRunning(processId, stateDirectory))
        {
            _ = Kill(processId.Value, SigKill);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
