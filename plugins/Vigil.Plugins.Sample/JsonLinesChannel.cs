using System.Text.Json;
using Microsoft.Extensions.Logging;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Sample;

/// <summary>Appends notifications at or above a severity to a file, one JSON object per line.</summary>
public sealed partial class JsonLinesChannel(string path, NotificationSeverity minimum, ILogger<JsonLinesChannel> logger) : INotificationChannel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <inheritdoc />
    public async Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            return ConnectionTestResult.Failed($"{directory} does not exist");
        }

        try
        {
            var probe = Path.Combine(directory, $".vigil-probe-{Guid.NewGuid():N}");
            await File.WriteAllTextAsync(probe, "", cancellationToken);
            File.Delete(probe);
            return ConnectionTestResult.Ok($"Can write to {path}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ConnectionTestResult.Failed($"Cannot write in {directory}: {ex.Message}");
        }
    }

    /// <inheritdoc />
    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Severity < minimum)
        {
            return;
        }

        var line = JsonSerializer.Serialize(new
        {
            at = DateTimeOffset.UtcNow,
            title = message.Title,
            text = message.Text,
            severity = message.Severity.ToString().ToLowerInvariant(),
            link = message.Link,
            facts = message.Facts.ToDictionary(f => f.Name, f => f.Value),
            dedupKey = message.DedupKey,
        }, Json);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await File.AppendAllTextAsync(path, line + "\n", cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        Appended(logger, message.Title, path);
    }

    [LoggerMessage(LogLevel.Debug, "Notification '{Title}' appended to {Path}")]
    private static partial void Appended(ILogger logger, string title, string path);
}
