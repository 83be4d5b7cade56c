using System.Collections.Concurrent;
using System.Text.Json;

namespace Vigil.Plugins.LocalFleet;

/// <summary>
/// The fleet's instances on disk: <c>&lt;fleet&gt;/&lt;id&gt;/</c> holds <c>instance.json</c>, the agent's state
/// directory and its log. Being on disk is what lets a fleet outlive console restarts. Changes to one fleet are
/// serialized by a lock per directory, since connectors are built per call.
/// </summary>
public sealed class FleetStore(string directory)
{
    private const string RecordFile = "instance.json";
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Directory { get; } = directory;

    public string InstanceDirectory(string id) => Path.Combine(Directory, id);

    public string StateDirectory(string id) => Path.Combine(Directory, id, "state");

    public string LogFile(string id) => Path.Combine(Directory, id, "agent.log");

    /// <summary>Runs <paramref name="change"/> alone among all changes to this fleet.</summary>
    public async Task<T> LockedAsync<T>(Func<Task<T>> change, CancellationToken cancellationToken)
    {
        var gate = Locks.GetOrAdd(Directory, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await change();
        }
        finally
        {
            gate.Release();
        }
    }

    public IReadOnlyList<FleetInstanceRecord> List() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateDirectories(Directory).Select(d => Read(Path.GetFileName(d))).OfType<FleetInstanceRecord>()
                .OrderBy(r => r.LaunchedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>The instance, or null when the fleet has none with this id (ids are checked: never a path outside the fleet).</summary>
    public FleetInstanceRecord? Read(string id)
    {
        if (!IsInstanceId(id))
        {
            return null;
        }

        var file = Path.Combine(InstanceDirectory(id), RecordFile);
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize<FleetInstanceRecord>(File.ReadAllText(file), Json) : null;
        }
        catch (JsonException)
        {
            return null; // a half-written record of a launch that crashed: not an instance
        }
    }

    public void Write(FleetInstanceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var file = Path.Combine(InstanceDirectory(record.Id), RecordFile);
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(record, Json));
        File.Move(temporary, file, overwrite: true);
    }

    public void Delete(string id)
    {
        if (IsInstanceId(id) && System.IO.Directory.Exists(InstanceDirectory(id)))
        {
            System.IO.Directory.Delete(InstanceDirectory(id), recursive: true);
        }
    }

    public static string NewId() => "lf-" + Guid.NewGuid().ToString("N")[..12];

    public static bool IsInstanceId(string id) =>
        id is { Length: 15 } && id.StartsWith("lf-", StringComparison.Ordinal) && id[3..].All(char.IsAsciiHexDigitLower);
}
