using System.Globalization;
using System.Xml;

namespace Vigil.Workflows.Activities;

/// <summary>Reads durations as flow authors write them: <c>00:05:00</c>, <c>PT5M</c> (ISO 8601) or a number of seconds.</summary>
internal static class DurationParser
{
    public static TimeSpan Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("A duration is required.");
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (text.StartsWith('P'))
        {
            return XmlConvert.ToTimeSpan(text);
        }

        return TimeSpan.Parse(text, CultureInfo.InvariantCulture);
    }
}
