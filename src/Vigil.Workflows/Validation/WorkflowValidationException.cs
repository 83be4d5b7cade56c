namespace Vigil.Workflows.Validation;

/// <summary>A definition was refused (publish, start) because it is invalid; carries every error.</summary>
public sealed class WorkflowValidationException : Exception
{
    /// <summary>Creates the exception from a failed validation.</summary>
    public WorkflowValidationException(ValidationResult result)
        : base($"The workflow definition is invalid: {string.Join("; ", result.Errors.Select(e => e.Message))}") =>
        Result = result;

    /// <summary>The errors.</summary>
    public ValidationResult Result { get; }
}
