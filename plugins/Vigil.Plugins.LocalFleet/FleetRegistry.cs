using System.Collections.Concurrent;

namespace Vigil.Plugins.LocalFleet;

/// <summary>
/// The fleets configured in the console, by integration name, as the factory last built them: the Launch activity
/// finds its fleet here. The console builds every cloud integration's connector at start and on each change.
/// </summary>
public sealed class FleetRegistry
{
    private readonly ConcurrentDictionary<string, FleetOptions> _fleets = new(StringComparer.Ordinal);

    public void Remember(FleetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _fleets[options.Name] = options;
    }

    public FleetOptions? Find(string name) => _fleets.GetValueOrDefault(name);

    public IReadOnlyList<string> Names => _fleets.Keys.Order(StringComparer.Ordinal).ToArray();
}
