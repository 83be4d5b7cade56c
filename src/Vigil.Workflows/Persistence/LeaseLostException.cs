namespace Vigil.Workflows.Persistence;

/// <summary>
/// The engine no longer holds the claim on an instance (it expired and another engine took it, or the instance was
/// cancelled): the commit was rolled back so two engines never both write one instance.
/// </summary>
public sealed class LeaseLostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LeaseLostException(string instanceId)
        : base($"The claim on workflow instance {instanceId} was lost; its changes were rolled back.") =>
        InstanceId = instanceId;

    /// <summary>Creates the exception.</summary>
    public LeaseLostException()
        : base("The claim on a workflow instance was lost.") =>
        InstanceId = "";

    /// <summary>Creates the exception.</summary>
    public LeaseLostException(string message, Exception inner)
        : base(message, inner) =>
        InstanceId = "";

    /// <summary>The instance.</summary>
    public string InstanceId { get; }
}
