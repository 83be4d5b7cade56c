namespace Vigil.Workflows.Validation;

/// <summary>Every problem found in a definition; valid when empty.</summary>
/// <param name="Errors">All errors, in definition order.</param>
public sealed record ValidationResult(IReadOnlyList<ValidationError> Errors)
{
    /// <summary>No errors.</summary>
    public bool IsValid => Errors.Count == 0;
}
