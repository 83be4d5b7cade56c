namespace Vigil.Plugins.LocalFleet;

/// <summary>How to start <c>vigil-agent</c>: an executable, or <c>dotnet vigil-agent.dll</c> for a framework-dependent build.</summary>
public sealed record AgentCommand(string FileName, IReadOnlyList<string> Prefix)
{
    /// <summary>The environment variable that names the agent when the settings do not.</summary>
    public const string EnvironmentVariable = "VIGIL_AGENT_PATH";

    /// <summary>
    /// The configured path, else <see cref="EnvironmentVariable"/>, else the agent built in this repository (found by
    /// walking up from the console's folder: what a developer checkout and the tests have), else <c>vigil-agent</c> on PATH.
    /// </summary>
    public static AgentCommand Find(string? configured)
    {
        var path = configured ?? Environment.GetEnvironmentVariable(EnvironmentVariable) ?? BuiltInRepository() ?? "vigil-agent";
        return path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? new AgentCommand("dotnet", [path]) : new AgentCommand(path, []);
    }

    public override string ToString() => string.Join(' ', [FileName, .. Prefix]);

    private static string? BuiltInRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var configuration in new[] { "Release", "Debug" })
            {
                var dll = Path.Combine(dir.FullName, "src", "Vigil.Agent", "bin", configuration, "net10.0", "vigil-agent.dll");
                if (File.Exists(dll))
                {
                    return dll;
                }
            }
        }

        return null;
    }
}
