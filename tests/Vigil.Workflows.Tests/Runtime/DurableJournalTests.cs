using Dapper;
using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Runtime;
using Vigil.Workflows.Tests.Support;
using static Vigil.Workflows.Tests.Support.Flow;

namespace Vigil.Workflows.Tests.Runtime;

public sealed class DurableJournalTests : EngineTestBase
{
    internal override WorkflowTestHost CreateHost() => new(Database,
        services => services.AddWorkflowActivity<JournalProbeActivity>(),
        options => options.JournalCommitMode = JournalCommitMode.PerActivity);

    [Fact]
    public async Task With_a_durable_commit_per_activity_earlier_steps_are_stored_before_the_next_runs()
    {
        JournalProbeActivity.Database = Database;
        var flow = Manual()
            .Add("one", "Vigil.Log", Lit("message", "1"))
            .Add("two", "Vigil.Log", Lit("message", "2"))
            .Add("probe", JournalProbeActivity.TypeName)
            .Connect("start", "one").Connect("one", "two").Connect("two", "probe")
            .Build();

        var instance = await RunAsync(flow);

        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Equal(3, JournalProbeActivity.RowsSeen);
        Assert.Equal(["start", "one", "two", "probe"], await PathAsync(instance.Id));
    }

    /// <summary>Counts the journal rows already committed when it runs.</summary>
    [Activity(TypeName, "Test", "Journal probe")]
    public sealed class JournalProbeActivity : IWorkflowActivity
    {
        public const string TypeName = "Test.JournalProbe";

        internal static SqliteTestDatabase? Database { get; set; }

        internal static long RowsSeen { get; private set; }

        public async ValueTask ExecuteAsync(IActivityContext context)
        {
            await using var connection = await Database!.OpenAsync();
            RowsSeen = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM workflow_journal WHERE instance_id = @id", new { id = context.InstanceId });
            context.Complete();
        }
    }
}
