namespace Vigil.Dashboard;

/// <summary>
/// Input that cannot be saved: every problem by field, in the user's terms, and nothing was written. The API answers
/// a validation problem; pages show the messages by their fields.
/// </summary>
public sealed class InputValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static InputValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
