using Vigil.Workflows.Persistence;
using Vigil.Workflows.Runtime;
using Vigil.Workflows.Tests.Support;
using static Vigil.Workflows.Tests.Support.Flow;

namespace Vigil.Workflows.Tests.Persistence;

public sealed class InstanceListTests : EngineTestBase
{
    [Fact]
    public async Task Instances_are_listed_newest_first_filtered_by_definition_and_status_and_paged_server_side()
    {
        await Host.Definitions.PublishAsync(Manual("quick").Build());
        await Host.Definitions.PublishAsync(Manual("waits").Add("ask", "Vigil.Approval", Lit("title", "?")).Connect("start", "ask").Build());
        var quick = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            quick.Add((await Host.Runtime.StartAsync("quick"))!.Id);
        }

        var waiting = (await Host.Runtime.StartAsync("waits"))!.Id;

        var page = await Host.Instances.ListAsync(new InstanceFilter(DefinitionId: "quick", Skip: 1, Take: 2));
        var suspended = await Host.Instances.ListAsync(new InstanceFilter(Status: WorkflowStatus.Suspended));
        var all = await Host.Instances.ListAsync(new InstanceFilter());

        Assert.Equal([quick[3], quick[2]], page.Select(i => i.Id));
        Assert.Equal(waiting, Assert.Single(suspended).Id);
        Assert.Equal(6, all.Count);
        Assert.Equal(waiting, all[0].Id);
        Assert.All(page, i => Assert.Equal(WorkflowStatus.Finished, i.Status));
    }
}
