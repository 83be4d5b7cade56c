using System.Text.Json;
using Vigil.Core.Nodes;

namespace Vigil.Core.Tests;

public sealed class ClockSkewTests
{
    private static readonly DateTimeOffset ConsoleNow = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Hello_facts_keep_the_measured_skew_instead_of_the_agents_clock()
    {
        var facts = JsonDocument.Parse("""{"hostname":"h1","sentAt":"2026-11-23T09:00:00.25+00:00"}""").RootElement;

        var (stored, skew) = ClockSkew.Apply(facts, ConsoleNow);

        Assert.Equal(-10799.8, skew);
        Assert.Equal(-10799.8, ClockSkew.Of(stored));
        Assert.Equal("h1", stored.GetProperty("hostname").GetString());
        Assert.False(stored.TryGetProperty("sentAt", out _));
        Assert.True(ClockSkew.IsWorrying(skew!.Value));
    }

    [Theory]
    [InlineData("""{"hostname":"h1"}""")]
    [InlineData("""{"hostname":"h1","sentAt":"yesterday"}""")]
    [InlineData("""{"hostname":"h1","sentAt":42}""")]
    public void Facts_without_a_readable_clock_are_stored_as_sent(string json)
    {
        var facts = JsonDocument.Parse(json).RootElement;

        var (stored, skew) = ClockSkew.Apply(facts, ConsoleNow);

        Assert.Null(skew);
        Assert.Equal(json, stored.GetRawText());
        Assert.Null(ClockSkew.Of(stored));
    }

    [Theory]
    [InlineData(119.9, false)]
    [InlineData(-119.9, false)]
    [InlineData(120.1, true)]
    [InlineData(-120.1, true)]
    public void Only_a_skew_beyond_two_minutes_is_worrying(double seconds, bool worrying) =>
        Assert.Equal(worrying, ClockSkew.IsWorrying(seconds));
}
