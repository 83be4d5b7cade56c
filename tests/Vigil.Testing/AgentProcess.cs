using System.Diagnostics;
using System.Text;

namespace Vigil.Testing;

/// <summary>A real <c>vigil-agent</c> process (<c>dotnet vigil-agent.dll ...</c>) built next to this test.</summary>
public sealed class AgentProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AgentProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The agent project's own output folder, in the configuration this test was built in.</summary>
    public static string BuiltAgentDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            return RepoPaths.Combine("src", "Vigil.Agent", "bin", configuration, "net10.0", "vigil-agent.dll");
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public static AgentProcess Start(params string[] arguments) => Start(new Dictionary<string, string>(), arguments);

    /// <summary>Starts the agent with extra environment variables (e.g. libfaketime's, to run it under a wrong clock).</summary>
    public static AgentProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [BuiltAgentDll, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("STATE_DIRECTORY");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new AgentProcess(Process.Start(start)!);
    }

    /// <summary>Runs the agent to completion (e.g. <c>enroll</c>) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        await using var agent = Start(arguments);
        var exitCode = await agent.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, agent.Output);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"vigil-agent did not exit within {timeout}: {Output}");
        }

        // The parameterless wait drains the redirected output before the exit code is read.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no goodbye, the console must notice by missed heartbeats.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        KillHard();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
