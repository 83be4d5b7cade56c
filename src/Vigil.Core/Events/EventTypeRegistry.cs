using System.Reflection;

namespace Vigil.Core.Events;

/// <summary>Maps an outbox row's <c>type</c> back to its record type. Assemblies that declare events register here.</summary>
public sealed class EventTypeRegistry
{
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);

    public EventTypeRegistry(IEnumerable<Assembly> assemblies)
    {
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes()))
        {
            if (!type.IsAbstract && typeof(DomainEvent).IsAssignableFrom(type))
            {
                _types[type.Name] = type;
            }
        }
    }

    public Type? Find(string typeName) => _types.GetValueOrDefault(typeName);

    public IReadOnlyCollection<string> Names => _types.Keys;
}
