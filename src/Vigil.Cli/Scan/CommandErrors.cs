using System.CommandLine;

namespace Vigil.Cli.Scan;

/// <summary>
/// Turns parse problems into exit code 2 with one stderr line. System.CommandLine exits 1 on parse errors, which a
/// CI gate would read as "vulnerabilities found", so these commands accept unmatched tokens and check them here.
/// </summary>
public static class CommandErrors
{
    /// <summary>Throws <see cref="UsageException"/> when the parse left errors or unknown tokens.</summary>
    public static void ThrowIfInvalid(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        if (parseResult.Errors.Count > 0)
        {
            throw new UsageException(parseResult.Errors[0].Message);
        }

        if (parseResult.UnmatchedTokens.Count > 0)
        {
            throw new UsageException($"unknown argument '{parseResult.UnmatchedTokens[0]}'");
        }
    }

    /// <summary>Runs <paramref name="body"/> and maps expected failures to exit code 2 with one stderr line.</summary>
    public static async Task<int> RunAsync(ParseResult parseResult, Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            ThrowIfInvalid(parseResult);
            return await body();
        }
        catch (Exception e) when (e is UsageException or IOException or UnauthorizedAccessException or ArgumentException
            or Vigil.Scanning.Feeds.FeedImportException or Vigil.Scanning.Policies.PolicyFormatException
            or Vigil.Scanning.CycloneDx.SbomFormatException or Vigil.Scanning.Sources.SourceException or HttpRequestException
            or InvalidDataException)
        {
            await parseResult.InvocationConfiguration.Error.WriteLineAsync($"vigil: {OneLine(e.Message)}");
            return ExitCodes.Error;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
