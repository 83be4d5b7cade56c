using System.CommandLine;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil feed</c>: manage the local OSV feed store.</summary>
public static class FeedCommand
{
    /// <summary>Builds the command with its <c>import</c> and <c>status</c> subcommands.</summary>
    public static Command Create()
    {
        var feed = new Command("feed", "Manage the local OSV feed store");
        feed.Subcommands.Add(FeedImportCommand.Create());
        feed.Subcommands.Add(FeedStatusCommand.Create());
        return feed;
    }
}
