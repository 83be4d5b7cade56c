using System.Net.Sockets;
using System.Text.Json.Serialization;

namespace Vigil.Agent.Containers;

/// <summary>
/// The few calls of the Docker Engine API the agent needs, over its unix socket (Docker's, or podman's compatible
/// service): the running containers and each one's init pid. No SDK: a plain HttpClient and source-generated JSON keep
/// the resident agent small.
/// </summary>
public sealed class DockerEngineClient : IContainerSource, IDisposable
{
    private readonly HttpClient _http;

    public DockerEngineClient(string socketPath)
    {
        SocketPath = socketPath;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://docker/v1.41/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string SocketPath { get; }

    public string Description => SocketPath;

    /// <summary>The running containers with their init pid (a container that stopped between the two calls is left out).</summary>
    public async Task<IReadOnlyList<RunningContainer>> RunningAsync(CancellationToken cancellationToken)
    {
        var summaries = await GetAsync("containers/json", AgentJsonContext.Default.DockerContainerSummaryArray, cancellationToken) ?? [];
        var running = new List<RunningContainer>();
        foreach (var summary in summaries)
        {
            if (await InspectAsync(summary.Id, cancellationToken) is { } container)
            {
                running.Add(container);
            }
        }

        return running;
    }

    /// <summary>One container if it runs (null when gone or stopped): the pid whose root is the container's filesystem.</summary>
    public async Task<RunningContainer?> InspectAsync(string id, CancellationToken cancellationToken)
    {
        if (id.Length is 0 or > 128 || !id.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        using var response = await _http.GetAsync($"containers/{id}/json", cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var details = await System.Text.Json.JsonSerializer.DeserializeAsync(
            await response.Content.ReadAsStreamAsync(cancellationToken), AgentJsonContext.Default.DockerContainerDetails, cancellationToken);
        return details is { State: { Running: true, Pid: > 0 } state }
            ? new RunningContainer(details.Id, details.Name.TrimStart('/'), details.Config?.Image ?? details.Image, details.Image, "running", state.Pid,
                state.Started(), details.Config?.Labels ?? new Dictionary<string, string>())
            : null;
    }

    public void Dispose() => _http.Dispose();

    private async Task<T?> GetAsync<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await System.Text.Json.JsonSerializer.DeserializeAsync(await response.Content.ReadAsStreamAsync(cancellationToken), type, cancellationToken);
    }
}

/// <summary>A running container as the agent reports it to the console (the hub's <c>ReportContainers</c>).</summary>
public sealed record RunningContainer(
    string Id, string Name, string Image, string? ImageId, string State, int Pid, DateTimeOffset? StartedAt, IReadOnlyDictionary<string, string> Labels);

/// <summary>An entry of <c>GET /containers/json</c> (only what the agent reads).</summary>
public sealed record DockerContainerSummary([property: JsonPropertyName("Id")] string Id);

/// <summary>The parts of <c>GET /containers/{id}/json</c> the agent reads.</summary>
public sealed record DockerContainerDetails(
    [property: JsonPropertyName("Id")] string Id,
    [property: JsonPropertyName("Name")] string Name,
    [property: JsonPropertyName("Image")] string Image,
    [property: JsonPropertyName("State")] DockerContainerState? State,
    [property: JsonPropertyName("Config")] DockerContainerConfig? Config);

public sealed record DockerContainerState(
    [property: JsonPropertyName("Running")] bool Running,
    [property: JsonPropertyName("Pid")] int Pid,
    [property: JsonPropertyName("StartedAt")] string? StartedAt)
{
    /// <summary>When the container started; engines write nanoseconds, which are cut to what DateTimeOffset holds.</summary>
    public DateTimeOffset? Started()
    {
        if (StartedAt is not { Length: > 0 } text)
        {
            return null;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var zone = text.IndexOfAny(['Z', '+', '-'], Math.Max(dot, 19));
        if (dot > 0 && zone > dot + 8)
        {
            text = text[..(dot + 8)] + text[zone..];
        }

        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var started)
            && started.Year > 1 ? started : null;
    }
}

public sealed record DockerContainerConfig(
    [property: JsonPropertyName("Image")] string? Image,
    [property: JsonPropertyName("Labels")] Dictionary<string, string>? Labels);
