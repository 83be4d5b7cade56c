using System.Text.Json;

namespace Vigil.Cloud.Tests;

/// <summary>What a LocalFleet directory holds, read the way a fixture's clean-up needs it.</summary>
internal static class FleetInstances
{
    /// <summary>Leaves no agent running: stops every instance's process before the fleet directory goes.</summary>
    public static void KillAll(string fleetDirectory)
    {
        foreach (var file in Directory.Exists(fleetDirectory) ? Directory.EnumerateFiles(fleetDirectory, "instance.json", SearchOption.AllDirectories) : [])
        {
            if (JsonDocument.Parse(File.ReadAllText(file)).RootElement.TryGetProperty("processId", out var pid) && pid.ValueKind == JsonValueKind.Number)
            {
                try
                {
                    System.Diagnostics.Process.GetProcessById(pid.GetInt32()).Kill();
                }
                catch (ArgumentException)
                {
                    // already gone
                }
            }
        }
    }
}
