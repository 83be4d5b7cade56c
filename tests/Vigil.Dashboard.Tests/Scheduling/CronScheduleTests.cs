using Vigil.Dashboard.Scheduling;

namespace Vigil.Dashboard.Tests.Scheduling;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("0 3 * * 0", "0 0 3 ? * SUN")]
    [InlineData("0 3 * * 7", "0 0 3 ? * SUN")]
    [InlineData("*/15 * * * *", "0 */15 * * * ?")]
    [InlineData("30 6 1 * *", "0 30 6 1 * ?")]
    [InlineData("0 9 * * 1-5", "0 0 9 ? * MON,TUE,WED,THU,FRI")]
    [InlineData("0 22 * * 5-7", "0 0 22 ? * FRI,SAT,SUN")]
    [InlineData("0 0 * * */2", "0 0 0 ? * SUN,TUE,THU,SAT")]
    [InlineData("0 0 1 jan,Jul *", "0 0 0 1 JAN,JUL ?")]
    [InlineData("0 0 * * mon", "0 0 0 ? * MON")]
    [InlineData("5 4 * * *", "0 5 4 * * ?")]
    public void Five_fields_become_the_equivalent_quartz_expression(string cron, string quartz)
    {
        Assert.Equal(quartz, CronSchedule.Parse(cron, "UTC").QuartzExpression);
    }

    [Theory]
    [InlineData("0 3 * *", "5 fields")]
    [InlineData("0 3 * * * *", "5 fields")]
    [InlineData("60 3 * * *", "minute value 60")]
    [InlineData("0 24 * * *", "hour value 24")]
    [InlineData("0 0 0 * *", "day-of-month value 0")]
    [InlineData("0 0 * 13 *", "month value 13")]
    [InlineData("0 0 * * 8", "day-of-week value 8")]
    [InlineData("0 0 1 * 1", "not both")]
    [InlineData("*/0 * * * *", "positive whole number")]
    [InlineData("0 5-1 * * *", "runs backwards")]
    [InlineData("0 0 * * funday", "not a number")]
    [InlineData("0 0 ? * *", "not a number")]
    public void Invalid_expressions_are_refused_with_a_message_naming_the_problem(string cron, string expected)
    {
        var error = Assert.Throws<CronScheduleException>(() => CronSchedule.Parse(cron, "UTC"));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused()
    {
        var error = Assert.Throws<CronScheduleException>(() => CronSchedule.Parse("0 3 * * *", "Mars/Olympus"));
        Assert.Contains("Mars/Olympus", error.Message);
    }

    [Fact]
    public void Fire_times_follow_the_time_zone_across_daylight_saving()
    {
        var schedule = CronSchedule.Parse("0 9 * * *", "Europe/Paris");

        var winter = schedule.NextFireTimes(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero), 2);
        var summer = schedule.NextFireTimes(new DateTimeOffset(2026, 7, 15, 0, 0, 0, TimeSpan.Zero), 1);

        Assert.Equal(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero), winter[0]);
        Assert.Equal(new DateTimeOffset(2026, 1, 16, 8, 0, 0, TimeSpan.Zero), winter[1]);
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 7, 0, 0, TimeSpan.Zero), summer[0]);
    }

    [Fact]
    public void Weekday_numbers_keep_their_crontab_meaning()
    {
        // 2026-11-23 is a Monday: crontab's 1 is Monday, Quartz's 1 would be Sunday.
        var next = CronSchedule.Parse("0 12 * * 1", "UTC").NextFireTimes(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), 1)[0];
        Assert.Equal(DayOfWeek.Monday, next.DayOfWeek);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero), next);
    }
}
