using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Vigil.Dashboard.Tests.Components;

/// <summary>A bunit context with MudBlazor's services and a lenient JS runtime (MudBlazor calls JS for layout).</summary>
public abstract class ComponentTest : BunitContext
{
    protected ComponentTest()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }
}
