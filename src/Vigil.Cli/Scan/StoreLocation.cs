namespace Vigil.Cli.Scan;

/// <summary>Where the CLI's feed store lives: <c>--store</c>, else <c>VIGIL_STORE</c>, else the user's local data folder.</summary>
public static class StoreLocation
{
    /// <summary>The store directory to use.</summary>
    public static string Resolve(string? store)
    {
        if (!string.IsNullOrWhiteSpace(store))
        {
            return store;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("VIGIL_STORE");
        return !string.IsNullOrWhiteSpace(fromEnvironment)
            ? fromEnvironment
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "vigil", "feeds");
    }
}
