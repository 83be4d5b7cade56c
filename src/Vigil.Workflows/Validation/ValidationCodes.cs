namespace Vigil.Workflows.Validation;

/// <summary>The codes of <see cref="ValidationError"/>; the designer keys its canvas markers on them.</summary>
public static class ValidationCodes
{
    /// <summary>Two activities share an id.</summary>
    public const string DuplicateId = "duplicate-id";

    /// <summary>An activity has no id.</summary>
    public const string MissingId = "missing-id";

    /// <summary>No registered activity has this type.</summary>
    public const string UnknownActivityType = "unknown-activity-type";

    /// <summary>A connection's source or target is not an activity of the definition.</summary>
    public const string DanglingConnection = "dangling-connection";

    /// <summary>A connection leaves by an outcome its source does not have.</summary>
    public const string UnknownOutcome = "unknown-outcome";

    /// <summary>A loop none of whose activities can suspend: it would spin forever.</summary>
    public const string CycleWithoutWait = "cycle-without-wait";

    /// <summary>A required input is absent.</summary>
    public const string MissingInput = "missing-input";

    /// <summary>A literal input's JSON type differs from the declared type.</summary>
    public const string WrongInputType = "wrong-input-type";

    /// <summary>An input the activity does not declare.</summary>
    public const string UnknownInput = "unknown-input";

    /// <summary>A JavaScript input does not parse.</summary>
    public const string InvalidExpression = "invalid-expression";

    /// <summary>The flow has no trigger activity.</summary>
    public const string NoTrigger = "no-trigger";

    /// <summary>Two variables share a name, or a name is empty.</summary>
    public const string InvalidVariable = "invalid-variable";
}
