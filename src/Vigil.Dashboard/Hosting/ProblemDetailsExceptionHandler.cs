using Microsoft.AspNetCore.Diagnostics;

namespace Vigil.Dashboard.Hosting;

/// <summary>
/// Turns request errors into RFC 9457 problem details with a detail a caller can act on: malformed JSON and bad
/// parameters become 400 with the binder's message; anything else 500 without internals.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", Describe(bad)),
            ArgumentException arg => (StatusCodes.Status400BadRequest, "Invalid argument", arg.Message),
            _ => (StatusCodes.Status500InternalServerError, "Server error", "The console could not complete the request; the error is in its log."),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException json
            ? $"{bad.Message} {json.Message}"
            : bad.Message;
}
