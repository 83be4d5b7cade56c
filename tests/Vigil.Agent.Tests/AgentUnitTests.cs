using Vigil.Agent.Commands;
using Vigil.Agent.Connection;
using Vigil.Agent.Facts;
using Vigil.Testing;

namespace Vigil.Agent.Tests;

public sealed class AgentUnitTests
{
    [Fact]
    public void Labels_parse_from_comma_separated_and_repeated_options()
    {
        var labels = LabelList.Parse(["env=prod, role = web", "zone=eu-1=a"]);

        Assert.Equal("prod", labels["env"]);
        Assert.Equal("web", labels["role"]);
        Assert.Equal("eu-1=a", labels["zone"]);
        Assert.Throws<FormatException>(() => LabelList.Parse(["justakey"]));
    }

    [Fact]
    public void Backoff_doubles_up_to_its_cap_with_jitter_and_starts_over_after_a_success()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        var delays = Enumerable.Range(0, 8).Select(_ => backoff.Next().TotalSeconds).ToList();

        Assert.InRange(delays[0], 0.8, 1.2);
        Assert.InRange(delays[1], 1.6, 2.4);
        Assert.InRange(delays[2], 3.2, 4.8);
        Assert.All(delays.Skip(4), d => Assert.InRange(d, 8, 12));
        backoff.Reset();
        Assert.InRange(backoff.Next().TotalSeconds, 0.8, 1.2);
    }

    [Fact]
    public void Facts_describe_the_os_and_hostname_of_another_root()
    {
        using var root = new TempDirectory("vigil-agent-root");
        Directory.CreateDirectory(Path.Combine(root.Path, "usr/lib"));
        Directory.CreateDirectory(Path.Combine(root.Path, "etc"));
        File.WriteAllText(Path.Combine(root.Path, "usr/lib/os-release"), "ID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME=\"Alpine Linux v3.20\"\n");
        File.WriteAllText(Path.Combine(root.Path, "etc/hostname"), "container-7\n");

        var facts = new HostFactsCollector(root.Path).Collect();

        Assert.Equal(new OperatingSystemFacts("alpine", "3.20.3", "Alpine Linux v3.20"), facts.Os);
        Assert.Equal("container-7", facts.Hostname);
        Assert.Equal(root.Path, facts.Root);
        Assert.False(string.IsNullOrEmpty(facts.Kernel));
    }

    [Fact]
    public void A_root_without_os_release_has_no_os_facts()
    {
        using var root = new TempDirectory("vigil-agent-root");

        var facts = new HostFactsCollector(root.Path).Collect();

        Assert.Null(facts.Os);
        Assert.Equal(Environment.MachineName, facts.Hostname);
    }
}
