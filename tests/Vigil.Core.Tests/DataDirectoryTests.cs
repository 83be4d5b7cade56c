using Vigil.Core.Configuration;
using Vigil.Testing;

namespace Vigil.Core.Tests;

public sealed class DataDirectoryTests
{
    [Fact]
    public void Relative_path_resolves_against_the_configuration_folder_and_is_created()
    {
        using var root = new TempDirectory();

        var data = DataDirectory.Prepare("state/data", root.Path);

        Assert.Equal(root.Combine("state", "data"), data.Path);
        Assert.True(Directory.Exists(data.Path));
    }

    [Fact]
    public void Unusable_path_fails_with_one_message_naming_it()
    {
        using var root = new TempDirectory();
        var file = root.Combine("not-a-folder");
        File.WriteAllText(file, "x");
        var wanted = Path.Combine(file, "data");

        var error = Assert.Throws<DataDirectoryException>(() => DataDirectory.Prepare(wanted, root.Path));

        Assert.Equal(wanted, error.DirectoryPath);
        Assert.Contains($"'{wanted}'", error.Message);
        Assert.Contains("Vigil:DataDirectory", error.Message);
    }

    [Fact]
    public void Config_root_is_the_nearest_folder_with_appsettings()
    {
        using var root = new TempDirectory();
        File.WriteAllText(root.Combine("appsettings.json"), "{}");
        var nested = Directory.CreateDirectory(root.Combine("bin", "Debug", "net10.0")).FullName;

        Assert.Equal(root.Path, ConfigRoot.Locate(nested));
    }
}
