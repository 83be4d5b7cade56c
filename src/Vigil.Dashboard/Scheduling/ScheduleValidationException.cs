namespace Vigil.Dashboard.Scheduling;

/// <summary>A scan schedule that cannot be saved: every problem, by field, in the user's terms. Nothing was written.</summary>
public sealed class ScheduleValidationException(IDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}
