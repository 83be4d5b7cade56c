namespace Vigil.Dashboard.Notifications;

/// <summary>Input that cannot be saved; <see cref="Errors"/> maps each field to what is wrong with it.</summary>
public sealed class NotificationValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static NotificationValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
