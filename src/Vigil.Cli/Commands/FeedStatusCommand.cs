using System.CommandLine;
using System.Globalization;
using Vigil.Cli.Scan;
using Vigil.Scanning.Feeds;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil feed status [--store DIR]</c>: the current snapshot and its contents.</summary>
public static class FeedStatusCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var store = new Option<string?>("--store") { Description = "Feed store directory (default: $VIGIL_STORE or the user's local data folder)" };
        var command = new Command("status", "Show the feed store's current snapshot") { store };
        command.TreatUnmatchedTokensAsErrors = false;
        command.Action = new ExitCodeAction(async (parseResult, _) =>
        {
            var feedStore = new FeedStore(StoreLocation.Resolve(parseResult.GetValue(store)));
            var output = parseResult.InvocationConfiguration.Output;
            using var snapshot = feedStore.OpenCurrent();
            if (snapshot is null)
            {
                await output.WriteLineAsync($"store {feedStore.Root}: no snapshot yet (run: vigil feed import <path|url>)");
                return ExitCodes.Ok;
            }

            var manifest = snapshot.Manifest;
            await output.WriteLineAsync($"store     {feedStore.Root}");
            await output.WriteLineAsync($"snapshot  {manifest.Id} (sha256 {manifest.Sha256})");
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"created   {manifest.CreatedAt:yyyy-MM-ddTHH:mm:ssZ}"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"advisories {manifest.Advisories}, skipped at import {manifest.SkippedCount}"));
            foreach (var (ecosystem, count) in manifest.Ecosystems.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {ecosystem,-40} {count,7}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
