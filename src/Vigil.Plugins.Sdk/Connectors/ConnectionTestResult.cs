namespace Vigil.Plugins.Sdk.Connectors;

/// <summary>The outcome of <see cref="IConnector.TestConnectionAsync"/>.</summary>
/// <param name="Success">Whether the connection works.</param>
/// <param name="Message">One line for people, e.g. "Connected as robot$scan; 12 repositories visible." Never a secret.</param>
public sealed record ConnectionTestResult(bool Success, string Message)
{
    /// <summary>A working connection.</summary>
    public static ConnectionTestResult Ok(string message) => new(true, message);

    /// <summary>A connection that does not work, and why.</summary>
    public static ConnectionTestResult Failed(string message) => new(false, message);
}
