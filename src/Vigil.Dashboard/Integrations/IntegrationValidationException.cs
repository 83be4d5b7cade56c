namespace Vigil.Dashboard.Integrations;

/// <summary>Input refused with one or more messages per field (the API answers a validation problem; the page shows them by the fields).</summary>
public sealed class IntegrationValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static IntegrationValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
