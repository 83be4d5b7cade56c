using Microsoft.Extensions.Logging;

namespace Vigil.Plugins.LocalFleet;

internal static partial class Log
{
    [LoggerMessage(LogLevel.Information, "Launched {Instance} in local fleet {Fleet}")]
    public static partial void LogLaunched(this ILogger logger, string instance, string fleet);
}
