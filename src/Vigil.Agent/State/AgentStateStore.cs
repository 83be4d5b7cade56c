using System.Text.Json;

namespace Vigil.Agent.State;

/// <summary>
/// Reads and writes <c>agent.json</c> in the state directory. The file holds a secret, so it is created owner-only
/// (0600, in a 0700 directory) before any byte is written, never widened afterwards.
/// </summary>
public sealed class AgentStateStore(string directory)
{
    public const string FileName = "agent.json";

    /// <summary>systemd's <c>StateDirectory=</c> when run as a unit, else the conventional system location.</summary>
    public static string DefaultDirectory => Environment.GetEnvironmentVariable("STATE_DIRECTORY") is { Length: > 0 } systemd
        ? systemd.Split(':')[0]
        : "/var/lib/vigil-agent";

    public string FilePath => Path.Combine(directory, FileName);

    public bool Exists => File.Exists(FilePath);

    public AgentState? Load()
    {
        if (!Exists)
        {
            return null;
        }

        using var stream = File.OpenRead(FilePath);
        return JsonSerializer.Deserialize(stream, AgentJson.Of<AgentState>(AgentJson.Options));
    }

    public void Save(AgentState state)
    {
        var ownerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, ownerOnlyDirectory);
            }
        }

        var temporary = FilePath + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, state, AgentJson.Of<AgentState>(AgentJson.Options));
        }

        File.Move(temporary, FilePath, overwrite: true);
    }
}
