using System.Net.Http.Headers;
using Vigil.Scanning.Policies;

namespace Vigil.Cli.Scan;

/// <summary>
/// Loads <c>--policy</c>: a JSON/YAML file when the value names one, else a policy NAME fetched from the console
/// (<c>--console URL</c>, <c>GET /api/v1/policies/NAME</c>, API key from <c>VIGIL_API_KEY</c>).
/// </summary>
public static class PolicySource
{
    /// <summary>Loads the policy.</summary>
    public static async Task<Policy> LoadAsync(string value, string? console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (File.Exists(value))
        {
            return PolicyReader.ReadFile(value);
        }

        if (value.Contains('/', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal) || Path.HasExtension(value))
        {
            throw new UsageException($"policy file not found: {value}");
        }

        if (string.IsNullOrWhiteSpace(console))
        {
            throw new UsageException($"no policy file '{value}'; to use a named policy pass --console URL (and set VIGIL_API_KEY)");
        }

        var apiKey = Environment.GetEnvironmentVariable("VIGIL_API_KEY");
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new UsageException("VIGIL_API_KEY must be set to fetch a policy from the console");
        }

        using var http = new HttpClient { BaseAddress = new Uri(console.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/policies/{Uri.EscapeDataString(value)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        request.Headers.TryAddWithoutValidation("X-Api-Key", apiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new UsageException($"policy '{value}' from {console}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        return PolicyReader.Read(await response.Content.ReadAsStringAsync(cancellationToken), value);
    }
}
