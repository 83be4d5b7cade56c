using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Descriptors;

/// <summary>
/// The activity types the engine knows: built-in ones and those contributed by plugins. Creates a fresh activity object
/// per execution with constructor injection.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly ConcurrentDictionary<string, ActivityDescriptor> _byType = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, ObjectFactory> _factories = new();
    private readonly ConcurrentDictionary<Type, IServiceProvider> _ownServices = new();

    /// <summary>Creates a registry holding <paramref name="activityTypes"/>.</summary>
    public ActivityRegistry(IEnumerable<ActivityRegistration> activityTypes)
    {
        foreach (var registration in activityTypes)
        {
            Register(registration.ActivityType);
        }
    }

    /// <summary>Every known descriptor, ordered by category then display name.</summary>
    public IReadOnlyList<ActivityDescriptor> Descriptors =>
        _byType.Values.OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.DisplayName, StringComparer.Ordinal).ToArray();

    /// <summary>Adds an activity type; a second class claiming the same type name is an error.</summary>
    public ActivityDescriptor Register(Type activityType)
    {
        var descriptor = ActivityDescriptorReader.Read(activityType);
        var stored = _byType.GetOrAdd(descriptor.Type, descriptor);
        if (stored.ClrType != activityType)
        {
            throw new InvalidOperationException(
                $"Activity type '{descriptor.Type}' is already registered by {stored.ClrType?.FullName}.");
        }

        return stored;
    }

    /// <summary>
    /// Adds a plugin's activity type, created from the plugin's own <paramref name="services"/> (its registrations and
    /// the host services it was given) rather than the host's.
    /// </summary>
    public ActivityDescriptor Register(Type activityType, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var descriptor = Register(activityType);
        _ownServices[activityType] = services;
        return descriptor;
    }

    /// <summary>Adds every activity class of an assembly (a plugin's).</summary>
    public void RegisterAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes().Where(t => !t.IsAbstract && t.GetCustomAttribute<ActivityAttribute>() is not null))
        {
            Register(type);
        }
    }

    /// <summary>The descriptor of a type name, or null when unknown.</summary>
    public ActivityDescriptor? Find(string type) => _byType.TryGetValue(type, out var d) ? d : null;

    /// <summary>Creates an activity object for one execution.</summary>
    public IWorkflowActivity Create(ActivityDescriptor descriptor, IServiceProvider services)
    {
        var factory = _factories.GetOrAdd(descriptor.ClrType!, t => ActivatorUtilities.CreateFactory(t, Type.EmptyTypes));
        return (IWorkflowActivity)factory(_ownServices.GetValueOrDefault(descriptor.ClrType!) ?? services, null);
    }
}
