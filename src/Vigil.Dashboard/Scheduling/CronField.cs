using System.Globalization;

namespace Vigil.Dashboard.Scheduling;

/// <summary>Reads one crontab field (<c>*</c>, lists, ranges, steps, names) into the values it selects, checking every bound.</summary>
internal static class CronField
{
    public static SortedSet<int> Expand(string field, string name, int min, int max, string[]? names, int firstName = 0)
    {
        var values = new SortedSet<int>();
        foreach (var part in field.Split(','))
        {
            var (range, step) = SplitStep(part, field, name);
            int from, to;
            if (range == "*")
            {
                (from, to) = (min, max);
            }
            else if (range.Split('-') is [var low, var high])
            {
                (from, to) = (Value(low, field, name, min, max, names, firstName), Value(high, field, name, min, max, names, firstName));
                if (from > to)
                {
                    throw new CronScheduleException($"The {name} range \"{range}\" in \"{field}\" runs backwards; write it low-high.");
                }
            }
            else
            {
                from = Value(range, field, name, min, max, names, firstName);
                to = step > 1 ? max : from;
            }

            for (var v = from; v <= to; v += step)
            {
                values.Add(v);
            }
        }

        return values;
    }

    private static (string Range, int Step) SplitStep(string part, string field, string name)
    {
        if (part.Split('/') is not [var range, var stepText])
        {
            return part.Length == 0 || part.Contains('/')
                ? throw new CronScheduleException($"The {name} field \"{field}\" is not valid cron.")
                : (part, 1);
        }

        return int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out var step) && step > 0
            ? (range, step)
            : throw new CronScheduleException($"The step \"/{stepText}\" in the {name} field \"{field}\" must be a positive whole number.");
    }

    private static int Value(string text, string field, string name, int min, int max, string[]? names, int firstName)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value >= min && value <= max
                ? value
                : throw new CronScheduleException($"The {name} value {value} in \"{field}\" is outside {min}-{max}.");
        }

        var index = names is null ? -1 : Array.FindIndex(names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        return index >= 0
            ? index + firstName
            : throw new CronScheduleException($"The {name} field \"{field}\" has \"{text}\", which is not a number{(names is null ? "" : " or a name such as " + names[0])}.");
    }
}
