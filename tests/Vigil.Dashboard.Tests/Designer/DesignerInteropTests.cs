using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Vigil.Dashboard.Designer;
using Vigil.Dashboard.Tests.Components;

namespace Vigil.Dashboard.Tests.Designer;

/// <summary>The interop wrapper against bunit's JS runtime: what crosses the circuit, and in what sizes.</summary>
public sealed class DesignerInteropTests : ComponentTest
{
    [Fact]
    public async Task A_200_activity_flow_loads_in_chunks_each_far_below_the_circuit_message_limit()
    {
        var module = JSInterop.SetupModule(DesignerInterop.ModulePath);
        module.SetupVoid("create", _ => true).SetVoidResult();
        module.SetupVoid("call", _ => true).SetVoidResult();
        await using var interop = new DesignerInterop(JSInterop.JSRuntime);
        using var events = DotNetObjectReference.Create(new DesignerCanvasEvents(_ => Task.CompletedTask, _ => Task.CompletedTask, (_, _) => Task.CompletedTask, _ => Task.CompletedTask));
        var inputs = JsonDocument.Parse("""{"message":{"kind":"js","value":"'a fairly long expression for step ' + variables.total + ' of the flow'"}}""").RootElement;
        var activities = Enumerable.Range(0, 200).Select(i => new CanvasActivity($"a{i}", "Vigil.Log", i * 10, i * 5, ["Done"], inputs)).ToArray();
        var connections = Enumerable.Range(1, 199).Select(i => new CanvasConnection($"a{i - 1}", "Done", $"a{i}")).ToArray();

        await interop.CreateAsync(new ElementReference("host"), events, new CanvasOptions(false, []));
        await interop.LoadAsync(activities, connections);

        var calls = module.Invocations["call"];
        var loads = calls.Where(c => (string)c.Arguments[1]! == "load").ToArray();
        Assert.Equal(5 + 2, loads.Length); // 200 / 40 activity chunks, 199 / 160 connection chunks
        Assert.Equal(200, loads.Sum(c => ((CanvasActivity[])c.Arguments[2]!).Length));
        Assert.Equal(199, loads.Sum(c => ((CanvasConnection[])c.Arguments[3]!).Length));
        Assert.Equal("loaded", calls.Last().Arguments[1]);
        var largest = loads.Max(c => JsonSerializer.Serialize(c.Arguments, JsonSerializerOptions.Web).Length);
        Assert.True(largest < 16_000, $"largest load message {largest} chars");
    }

    [Fact]
    public async Task Loading_sends_every_chunk_before_waiting_for_the_first_so_drawing_costs_one_round_trip()
    {
        var module = JSInterop.SetupModule(DesignerInterop.ModulePath);
        module.SetupVoid("create", _ => true).SetVoidResult();
        var browser = module.SetupVoid("call", _ => true); // the browser has not answered any call yet
        await using var interop = new DesignerInterop(JSInterop.JSRuntime);
        using var events = DotNetObjectReference.Create(new DesignerCanvasEvents(_ => Task.CompletedTask, _ => Task.CompletedTask, (_, _) => Task.CompletedTask, _ => Task.CompletedTask));
        var activities = Enumerable.Range(0, 120).Select(i => new CanvasActivity($"a{i}", "Vigil.Log", i, i, ["Done"], null)).ToArray();
        await interop.CreateAsync(new ElementReference("host"), events, new CanvasOptions(false, []));

        var load = interop.LoadAsync(activities, []);

        Assert.False(load.IsCompleted);
        Assert.Equal(["load", "load", "load", "loaded"], module.Invocations["call"].Select(c => (string)c.Arguments[1]!));
        browser.SetVoidResult();
        await load;
    }

    [Fact]
    public async Task Calls_name_their_canvas_and_method()
    {
        var module = JSInterop.SetupModule(DesignerInterop.ModulePath);
        module.SetupVoid("create", _ => true).SetVoidResult();
        module.SetupVoid("call", _ => true).SetVoidResult();
        await using var interop = new DesignerInterop(JSInterop.JSRuntime);
        using var events = DotNetObjectReference.Create(new DesignerCanvasEvents(_ => Task.CompletedTask, _ => Task.CompletedTask, (_, _) => Task.CompletedTask, _ => Task.CompletedTask));

        await Assert.ThrowsAsync<InvalidOperationException>(() => interop.UndoAsync());
        await interop.CreateAsync(new ElementReference("host"), events, new CanvasOptions(true, []));
        await interop.SetOutcomesAsync("s", ["Default", "big"]);
        await interop.UndoAsync();

        var created = module.Invocations["create"].Single();
        var canvasId = (string)created.Arguments[0]!;
        Assert.True(((CanvasOptions)created.Arguments[3]!).ReadOnly);
        Assert.Equal([(canvasId, "setOutcomes"), (canvasId, "undo")], module.Invocations["call"].Select(c => ((string)c.Arguments[0]!, (string)c.Arguments[1]!)));
    }
}
