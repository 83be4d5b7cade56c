namespace Vigil.Testing;

/// <summary>Where the repository and the shared folder beside it are, from any test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The real OSV feed pack (<c>../shared/feeds</c>): never copied into the repository.</summary>
    public static string SharedFeeds => Path.GetFullPath(Path.Combine(Root, "..", "shared", "feeds"));

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Dashboard.sln above {AppContext.BaseDirectory}.");
    }
}
