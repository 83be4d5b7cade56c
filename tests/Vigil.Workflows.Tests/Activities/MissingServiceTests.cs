using Vigil.Workflows.Runtime;
using Vigil.Workflows.Tests.Support;
using static Vigil.Workflows.Tests.Support.Flow;

namespace Vigil.Workflows.Tests.Activities;

public sealed class MissingServiceTests : EngineTestBase
{
    [Theory]
    [InlineData("Vigil.StartScan", "IScanService")]
    [InlineData("Vigil.RemoveNode", "INodeActions")]
    [InlineData("Vigil.Notify", "INotifier")]
    public async Task An_activity_whose_host_service_is_not_registered_faults_naming_it(string type, string service)
    {
        var flow = Manual().Add("act", type, Lit("reason", "r"), Lit("title", "t"), Lit("text", "x")).Connect("start", "act").Build();
        var inputs = flow.Activities[1].Inputs!.Where(i => type switch
        {
            "Vigil.RemoveNode" => i.Key == "reason",
            "Vigil.Notify" => i.Key is "title" or "text",
            _ => false,
        }).ToDictionary();
        flow = flow with { Activities = [flow.Activities[0], flow.Activities[1] with { Inputs = inputs }] };

        var instance = await RunAsync(flow, new { nodeId = "n1" });

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Contains(service, instance.Error, StringComparison.Ordinal);
    }
}
