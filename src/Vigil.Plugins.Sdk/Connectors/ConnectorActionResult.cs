namespace Vigil.Plugins.Sdk.Connectors;

/// <summary>What an action did, in a sentence people read (and the audit log keeps). Never put a secret in it. Since SDK 1.1.</summary>
/// <param name="Success">Whether the action did what it was asked.</param>
/// <param name="Message">What happened, e.g. "Launched web-1 (lf-0abc…) as node 42".</param>
public sealed record ConnectorActionResult(bool Success, string Message)
{
    /// <summary>A successful result.</summary>
    public static ConnectorActionResult Ok(string message) => new(true, message);

    /// <summary>An expected failure (the remote refused, nothing was done).</summary>
    public static ConnectorActionResult Failed(string message) => new(false, message);
}
