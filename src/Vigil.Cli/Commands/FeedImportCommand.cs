using System.CommandLine;
using System.Globalization;
using Vigil.Cli.Scan;
using Vigil.Scanning.Feeds;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil feed import &lt;path|url&gt;... [--store DIR] [--replace]</c>.</summary>
public static class FeedImportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var sources = new Argument<string[]>("sources") { Description = "Directories of OSV JSON, <Ecosystem>/all.zip files, or HTTP(S) URLs of such zips", Arity = ArgumentArity.ZeroOrMore };
        var store = new Option<string?>("--store") { Description = "Feed store directory (default: $VIGIL_STORE or the user's local data folder)" };
        var replace = new Option<bool>("--replace") { Description = "Start from an empty snapshot instead of updating the current one" };
        var command = new Command("import", "Import OSV advisories into the feed store (atomically: a failed import keeps the previous snapshot)")
        {
            sources, store, replace,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.Action = new ExitCodeAction(async (parseResult, cancellationToken) =>
        {
            var paths = parseResult.GetValue(sources) ?? [];
            if (paths.Length == 0)
            {
                throw new UsageException("feed import needs at least one directory, zip or URL");
            }

            var feedStore = new FeedStore(StoreLocation.Resolve(parseResult.GetValue(store)));
            var result = await feedStore.ImportAsync(paths, parseResult.GetValue(replace), cancellationToken: cancellationToken);
            var output = parseResult.InvocationConfiguration.Output;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"snapshot {result.SnapshotId}{(result.Changed ? "" : " (unchanged)")}: {result.Total} advisories; imported {result.Imported}, withdrawn {result.Withdrawn}, skipped {result.Skipped.Count}"));
            foreach (var skipped in result.Skipped.Take(50))
            {
                await output.WriteLineAsync($"  skipped {skipped.File}: {skipped.Reason}");
            }

            if (result.Skipped.Count > 50)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  … and {result.Skipped.Count - 50} more (see the snapshot manifest)"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
