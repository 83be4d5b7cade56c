using System.CommandLine;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Agent.State;

namespace Vigil.Agent.Commands;

/// <summary>
/// <c>vigil-agent enroll --console URL --token T [--name N] [--labels k=v,...] [--state-dir DIR]</c>: exchanges a
/// single-use enrollment token for this agent's credential and stores it owner-only in the state directory.
/// </summary>
public static class EnrollCommand
{
    public static Command Create()
    {
        var console = new Option<string>("--console") { Description = "Base URL of the Vigil console, e.g. https://vigil.example", Required = true };
        var token = new Option<string>("--token") { Description = "Enrollment token created on the console's Nodes page or by its API", Required = true };
        var name = new Option<string?>("--name") { Description = "Node name shown in the console (default: this host's name)" };
        var labels = new Option<string[]>("--labels") { Description = "Labels to ask for, as k=v,k2=v2 (the token's own labels win)", AllowMultipleArgumentsPerToken = true };
        var stateDir = new Option<string?>("--state-dir") { Description = $"Where the credential is kept (default {AgentStateStore.DefaultDirectory})" };

        var command = new Command("enroll", "Exchange an enrollment token for this agent's credential") { console, token, name, labels, stateDir };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(
            parse.GetValue(console)!, parse.GetValue(token)!, parse.GetValue(name), parse.GetValue(labels) ?? [],
            parse.GetValue(stateDir) ?? AgentStateStore.DefaultDirectory, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string consoleUrl, string token, string? name, string[] labelArguments, string stateDirectory, CancellationToken cancellationToken)
    {
        var store = new AgentStateStore(stateDirectory);
        if (store.Exists)
        {
            await Console.Error.WriteLineAsync($"Already enrolled: {store.FilePath} exists. Remove it to enroll this machine again.");
            return AgentExitCodes.Error;
        }

        if (!Uri.TryCreate(consoleUrl.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            await Console.Error.WriteLineAsync($"--console must be an http(s) URL, not '{consoleUrl}'.");
            return AgentExitCodes.Error;
        }

        Dictionary<string, string> labels;
        try
        {
            labels = LabelList.Parse(labelArguments);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return AgentExitCodes.Error;
        }

        var nodeName = string.IsNullOrWhiteSpace(name) ? Environment.MachineName : name.Trim();
        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var response = await http.PostAsJsonAsync("api/v1/agents/enroll", new EnrollRequest(token, nodeName, labels), AgentJsonContext.Default.EnrollRequest, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                await Console.Error.WriteLineAsync($"Enrollment refused ({(int)response.StatusCode}): {await ReasonAsync(response, cancellationToken)}");
                return AgentExitCodes.Error;
            }

            var enrolled = await response.Content.ReadFromJsonAsync(AgentJsonContext.Default.EnrollResponse, cancellationToken)
                ?? throw new JsonException("The console answered with an empty body.");
            store.Save(new AgentState(baseUri.ToString().TrimEnd('/'), enrolled.NodeId, enrolled.NodeName, enrolled.Credential, DateTimeOffset.UtcNow));
            Console.WriteLine($"Enrolled as node {enrolled.NodeName} ({enrolled.NodeId}); credential stored in {store.FilePath}. Start it with: vigil-agent run");
            return AgentExitCodes.Success;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            await Console.Error.WriteLineAsync($"Cannot enroll with {baseUri}: {ex.Message}");
            return AgentExitCodes.Error;
        }
    }

    private static async Task<string> ReasonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return "too many enrollment attempts from this address; wait a minute and try again.";
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } text)
            {
                return text;
            }

            if (problem.RootElement.TryGetProperty("errors", out var errors))
            {
                return string.Join(" ", errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(e => e.GetString()));
            }
        }
        catch (JsonException)
        {
            // Not problem details (a proxy's page): fall through to the status text.
        }

        return response.ReasonPhrase ?? "no reason given";
    }
}
