using Quartz;

namespace Vigil.Dashboard.Scheduling;

/// <summary>
/// A 5-field cron expression (minute hour day-of-month month day-of-week, crontab numbering: 0 and 7 are Sunday) in an
/// IANA time zone, and its Quartz form (contracts §11): a seconds field first, day-of-week as names, and <c>?</c> in
/// whichever day field the expression leaves open, as Quartz requires.
/// </summary>
public sealed record CronSchedule(string Expression, string QuartzExpression, TimeZoneInfo TimeZone)
{
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>Parses and converts; the exception's message says what is wrong in the user's terms.</summary>
    /// <exception cref="CronScheduleException">Not 5 fields, a value out of range, both day fields set, or an unknown time zone.</exception>
    public static CronSchedule Parse(string expression, string? timeZone)
    {
        var zone = FindTimeZone(string.IsNullOrWhiteSpace(timeZone) ? "UTC" : timeZone.Trim());
        var fields = (expression ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length != 5)
        {
            throw new CronScheduleException(
                $"A schedule has 5 fields (minute hour day-of-month month day-of-week), e.g. \"0 3 * * 0\"; \"{expression}\" has {fields.Length}.");
        }

        CronField.Expand(fields[0], "minute", 0, 59, null);
        CronField.Expand(fields[1], "hour", 0, 23, null);
        CronField.Expand(fields[2], "day-of-month", 1, 31, null);
        var months = CronField.Expand(fields[3], "month", 1, 12, MonthNames, firstName: 1);
        var days = CronField.Expand(fields[4], "day-of-week", 0, 7, DayNames, firstName: 0);

        var dayOfMonthOpen = fields[2] == "*";
        var dayOfWeekOpen = fields[4] == "*";
        if (!dayOfMonthOpen && !dayOfWeekOpen)
        {
            throw new CronScheduleException(
                "Set day-of-month or day-of-week, not both: put * in the other one (\"0 3 1 * *\" is the 1st of each month, \"0 3 * * 1\" every Monday).");
        }

        var dayOfMonth = dayOfMonthOpen ? (dayOfWeekOpen ? "*" : "?") : fields[2];
        var dayOfWeek = dayOfWeekOpen ? "?" : string.Join(',', days.Select(d => DayNames[d % 7]).Distinct());
        var month = fields[3] == "*" ? "*" : string.Join(',', months.Select(m => MonthNames[m - 1]));
        var quartz = $"0 {fields[0]} {fields[1]} {dayOfMonth} {month} {dayOfWeek}";
        if (!CronExpression.TryParse(quartz, out _))
        {
            throw new CronScheduleException($"\"{expression}\" is not a schedule Vigil can run.");
        }

        return new CronSchedule(string.Join(' ', fields), quartz, zone);
    }

    /// <summary>The next <paramref name="count"/> fire times after <paramref name="after"/>, in UTC.</summary>
    public IReadOnlyList<DateTimeOffset> NextFireTimes(DateTimeOffset after, int count)
    {
        var cron = CronExpression.Parse(QuartzExpression).WithTimeZone(TimeZone);
        var times = new List<DateTimeOffset>(count);
        var cursor = after;
        while (times.Count < count && cron.GetNextValidTimeAfter(cursor) is { } next)
        {
            times.Add(next.ToUniversalTime());
            cursor = next;
        }

        return times;
    }

    private static TimeZoneInfo FindTimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new CronScheduleException($"Unknown time zone \"{id}\": use an IANA name such as UTC, Europe/Paris or America/New_York.");
        }
    }
}
