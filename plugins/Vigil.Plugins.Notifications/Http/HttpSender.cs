using System.Net;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Notifications.Http;

/// <summary>
/// Sends one HTTP request with a per-attempt timeout and the <see cref="RetryPolicy"/>. A 4xx other than 408/429 fails
/// at once (the request is wrong; sending it again changes nothing). Error messages name the destination by
/// its name only, never by URL, because webhook URLs carry tokens.
/// </summary>
public sealed class HttpSender(IHttpClientFactory clients, RetryPolicy policy, TimeProvider time, TimeSpan timeout)
{
    public const string ClientName = "vigil-notifications";
    private const int MaxErrorBody = 300;

    /// <summary>Sends the request <paramref name="build"/> makes (called once per attempt) and returns the 2xx answer.</summary>
    /// <exception cref="NotificationDeliveryException">Every attempt failed, or the remote refused the request.</exception>
    public async Task<HttpAnswer> SendAsync(string what, Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(ClientName);
        client.Timeout = Timeout.InfiniteTimeSpan; // per attempt, below
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            NotificationDeliveryException failure;
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                limit.CancelAfter(timeout);
                try
                {
                    using var request = build();
                    using var response = await client.SendAsync(request, limit.Token).ConfigureAwait(false);
                    var body = await response.Content.ReadAsStringAsync(limit.Token).ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        return new HttpAnswer(status, body);
                    }

                    failure = new NotificationDeliveryException($"{what} answered {status} {response.ReasonPhrase}{Excerpt(body)}", status);
                    if (!IsTransient(response.StatusCode))
                    {
                        throw failure;
                    }

                    retryAfter = RetryAfter(response);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = new NotificationDeliveryException($"{what} did not answer within {timeout.TotalSeconds:0} s");
                }
                catch (HttpRequestException ex)
                {
                    failure = new NotificationDeliveryException($"{what} could not be reached: {ex.Message}", (int?)ex.StatusCode, ex);
                }
            }

            if (attempt >= policy.MaxAttempts)
            {
                throw attempt == 1 ? failure : new NotificationDeliveryException($"{failure.Message} (after {attempt} attempts)", failure.StatusCode, failure.InnerException);
            }

            var wait = retryAfter is { } asked ? TimeSpan.FromTicks(Math.Min(asked.Ticks, policy.MaxDelay.Ticks)) : policy.Backoff(attempt);
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date - time.GetUtcNow() is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero,
        _ => null,
    };

    private static string Excerpt(string body)
    {
        var text = body.ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? "" : ": " + (text.Length > MaxErrorBody ? text[..MaxErrorBody] + "…" : text);
    }
}
