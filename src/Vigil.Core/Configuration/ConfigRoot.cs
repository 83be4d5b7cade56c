namespace Vigil.Core.Configuration;

/// <summary>
/// Finds the folder holding the console's appsettings.json: the repository root in a build (the design card keeps
/// it there), the application folder after <c>dotnet publish</c>. Independent of the working directory.
/// </summary>
public static class ConfigRoot
{
    public static string Locate(string? startDirectory = null)
    {
        var start = startDirectory ?? AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "appsettings.json")))
            {
                return dir.FullName;
            }
        }

        return Path.GetFullPath(start);
    }
}
