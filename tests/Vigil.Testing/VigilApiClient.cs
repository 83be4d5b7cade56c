using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Core.Json;

namespace Vigil.Testing;

/// <summary>A thin client of Vigil's REST API for tests (JSON with Vigil's conventions).</summary>
public sealed class VigilApiClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        await EnsureSuccessAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(VigilJson.Options);
    }

    public async Task<JsonElement> PostJsonAsync(string path, object body)
    {
        using var response = await Http.PostAsJsonAsync(path, body, VigilJson.Options);
        await EnsureSuccessAsync(response);
        return response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<JsonElement>(VigilJson.Options);
    }

    /// <summary>
    /// Polls <paramref name="path"/> until <paramref name="condition"/> holds (things the outbox delivers after the
    /// request returns) and returns the last answer either way, so the caller's assertion shows what was seen.
    /// </summary>
    public async Task<JsonElement> WaitForJsonAsync(string path, Func<JsonElement, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var answer = await GetJsonAsync(path);
            if (condition(answer) || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Creates an API key through the API and returns (id, key).</summary>
    public async Task<(string Id, string Key)> CreateApiKeyAsync(string name, string role, DateTimeOffset? expiresAt = null)
    {
        var created = await PostJsonAsync("/api/v1/api-keys", new { name, role, expiresAt });
        return (created.GetProperty("apiKey").GetProperty("id").GetString()!, created.GetProperty("key").GetString()!);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new HttpRequestException($"{(int)response.StatusCode} {response.ReasonPhrase}: {body}", null, response.StatusCode);
        }
    }

    public void Dispose() => Http.Dispose();
}
