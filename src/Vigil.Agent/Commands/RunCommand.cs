using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Agent.Connection;
using Vigil.Agent.Facts;
using Vigil.Agent.State;

namespace Vigil.Agent.Commands;

/// <summary>
/// <c>vigil-agent run [--state-dir DIR] [--root DIR] [--capabilities scanner]</c>: the resident agent, as a worker service (systemd
/// notify-aware) that stays connected to the console and reports the host under <c>--root</c>.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var stateDir = new Option<string?>("--state-dir") { Description = $"Where enrollment left the credential (default {AgentStateStore.DefaultDirectory})" };
        var root = new Option<string>("--root") { Description = "Root of the filesystem to describe (a mounted image or container); default /", DefaultValueFactory = _ => "/" };
        var capabilities = new Option<string[]>("--capabilities")
        {
            Description = "Extra roles this agent offers, e.g. scanner (takes registry-image scans); reported to the console",
            AllowMultipleArgumentsPerToken = true,
        };
        var metadata = new Option<Uri?>("--instance-metadata")
        {
            Description = "Read the cloud instance id from this EC2-style metadata endpoint (e.g. http://169.254.169.254); off by default",
        };
        var containerSocket = new Option<string?>("--container-socket")
        {
            Description = "Docker Engine API socket (Docker's or podman's service) to discover and scan this host's containers; "
                + "default: the first of /var/run/docker.sock, /run/docker.sock, /run/podman/podman.sock that exists; 'none' to turn it off",
        };
        var command = new Command("run", "Connect to the console, report this host's facts and heartbeats, and run its scans until stopped")
        {
            stateDir, root, capabilities, metadata, containerSocket,
        };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(
            parse.GetValue(stateDir) ?? AgentStateStore.DefaultDirectory, parse.GetValue(root) ?? "/", parse.GetValue(metadata), cancellationToken, parse.GetValue(capabilities) ?? [],
            parse.GetValue(containerSocket)));
        return command;
    }

    public static async Task<int> RunAsync(
        string stateDirectory, string root, Uri? instanceMetadata, CancellationToken cancellationToken, IReadOnlyList<string>? capabilities = null, string? containerSocket = null)
    {
        var store = new AgentStateStore(stateDirectory);
        AgentState? state;
        try
        {
            state = store.Load();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            await Console.Error.WriteLineAsync($"Cannot read {store.FilePath}: {ex.Message}");
            return AgentExitCodes.Error;
        }

        if (state is null)
        {
            await Console.Error.WriteLineAsync($"Not enrolled: {store.FilePath} does not exist. Run `vigil-agent enroll --console URL --token TOKEN` first.");
            return AgentExitCodes.Error;
        }

        if (!Directory.Exists(root))
        {
            await Console.Error.WriteLineAsync($"--root {root} is not a directory.");
            return AgentExitCodes.Error;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ ";
            o.UseUtcTimestamp = true;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.AddSystemd();
        builder.Services.AddSingleton(state);
        var roles = (capabilities ?? []).SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
        if (roles.FirstOrDefault(r => r != "scanner") is { } unknown)
        {
            await Console.Error.WriteLineAsync($"--capabilities {unknown}: unknown capability (known: scanner).");
            return AgentExitCodes.Error;
        }

        builder.Services.AddSingleton(new HostFactsCollector(Path.GetFullPath(root), roles, instanceMetadata is null ? null : new InstanceMetadataClient(instanceMetadata)));
        if (Containers.ContainerSockets.Choose(containerSocket) is { } source)
        {
            builder.Services.AddSingleton(source);
            builder.Services.AddSingleton<Containers.ContainerWatcher>();
        }

        builder.Services.AddSingleton<Scans.AgentScanner>();
        builder.Services.AddHostedService<AgentWorker>();
        using var host = builder.Build();
        await host.RunAsync(cancellationToken);
        return Environment.ExitCode;
    }
}
