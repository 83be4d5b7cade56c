using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Vigil.Workflows.Activities;

/// <summary>The named <see cref="HttpClient"/> of the HTTP request activity, with retries on transient failures.</summary>
public static class WorkflowHttp
{
    /// <summary>Name of the client in <see cref="IHttpClientFactory"/>.</summary>
    public const string ClientName = "Vigil.Workflows.Http";

    /// <summary>Registers the client: 3 retries with exponential backoff on 408, 429, 5xx and network errors; 30 s per attempt.</summary>
    public static IHttpClientBuilder AddWorkflowHttpClient(this IServiceCollection services, TimeSpan? firstRetryDelay = null)
    {
        var builder = services.AddHttpClient(ClientName);
        builder.AddResilienceHandler("workflow-http", pipeline =>
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = firstRetryDelay ?? TimeSpan.FromMilliseconds(500),
            });
            pipeline.AddTimeout(TimeSpan.FromSeconds(30));
        });
        return builder;
    }
}
