using Microsoft.Extensions.DependencyInjection;
using Vigil.Workflows;
using Vigil.Workflows.Descriptors;

namespace Vigil.Dashboard.Tests.Designer;

/// <summary>The engine's real activity registry with the built-in activities.</summary>
internal static class DesignerTestRegistry
{
    public static ActivityRegistry Create() =>
        new ServiceCollection().AddVigilWorkflows().BuildServiceProvider().GetRequiredService<ActivityRegistry>();
}
