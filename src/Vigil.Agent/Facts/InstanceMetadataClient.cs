using System.Net.Http.Headers;

namespace Vigil.Agent.Facts;

/// <summary>
/// Reads the instance id and region from an EC2-style instance metadata service (IMDSv2: a session token first, then
/// the values with it). Off unless the agent is started with <c>--instance-metadata URL</c>: on machines outside a
/// cloud the well-known address leads nowhere, and tests point it at their own stand-in.
/// </summary>
public sealed class InstanceMetadataClient(Uri endpoint, HttpMessageHandler? handler = null)
{
    public const string TokenHeader = "X-aws-ec2-metadata-token";
    public const string TokenTtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";

    /// <summary>The instance's facts, or null when the service does not answer as one (the reason goes to <paramref name="error"/>).</summary>
    public async Task<CloudFacts?> ReadAsync(Action<string> error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = endpoint;
        http.Timeout = TimeSpan.FromSeconds(3);
        try
        {
            using var tokenRequest = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
            tokenRequest.Headers.Add(TokenTtlHeader, "300");
            using var tokenResponse = await http.SendAsync(tokenRequest, cancellationToken);
            tokenResponse.EnsureSuccessStatusCode();
            var token = (await tokenResponse.Content.ReadAsStringAsync(cancellationToken)).Trim();
            var instanceId = await GetAsync(http, "latest/meta-data/instance-id", token, cancellationToken);
            if (instanceId is not { Length: > 0 })
            {
                error($"{endpoint} gave no instance id");
                return null;
            }

            return new CloudFacts("aws", instanceId, await GetAsync(http, "latest/meta-data/placement/region", token, cancellationToken));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            error($"{endpoint}: {ex.Message}");
            return null;
        }
    }

    private static async Task<string?> GetAsync(HttpClient http, string path, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(TokenHeader, token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode ? (await response.Content.ReadAsStringAsync(cancellationToken)).Trim() : null;
    }
}
