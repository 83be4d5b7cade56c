namespace Vigil.Plugins.Sdk.Activities;

/// <summary>Outcome names shared by many activities.</summary>
public static class ActivityOutcomeNames
{
    /// <summary>The single outcome of an activity that declares none.</summary>
    public const string Done = "Done";
}
