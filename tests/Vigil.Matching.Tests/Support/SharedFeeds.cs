namespace Vigil.Matching.Tests.Support;

/// <summary>Finds the shared OSV feed pack (<c>../shared/feeds</c> beside the repository root).</summary>
internal static class SharedFeeds
{
    private static readonly Lazy<string?> Location = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dashboard.sln")))
        {
            directory = directory.Parent;
        }

        if (directory?.Parent is null)
        {
            return null;
        }

        var feeds = Path.Combine(directory.Parent.FullName, "shared", "feeds");
        return System.IO.Directory.Exists(feeds) ? feeds : null;
    });

    /// <summary>The feed pack directory; skips the test when it is absent.</summary>
    public static string Root
    {
        get
        {
            if (Location.Value is null)
            {
                Assert.Skip("the shared OSV feed pack (../shared/feeds beside the repository root) is not present");
            }

            return Location.Value!;
        }
    }

    /// <summary>One ecosystem's bulk zip.</summary>
    public static string Zip(string ecosystem) => Path.Combine(Root, ecosystem, "all.zip");
}
