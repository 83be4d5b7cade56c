namespace Vigil.Workflows.Validation;

/// <summary>One problem of a definition, naming the activity (and input or connection) it concerns.</summary>
/// <param name="Code">Stable machine-readable code, e.g. <c>dangling-connection</c>.</param>
/// <param name="Message">What is wrong, for people.</param>
/// <param name="ActivityId">The activity concerned, when there is one.</param>
/// <param name="Input">The input concerned, when there is one.</param>
/// <param name="ConnectionIndex">Index in <c>connections</c>, for connection errors.</param>
public sealed record ValidationError(
    string Code,
    string Message,
    string? ActivityId = null,
    string? Input = null,
    int? ConnectionIndex = null);
