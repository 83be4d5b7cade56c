using Vigil.Scanning.Feeds;

namespace Vigil.Matching.Tests.Feeds;

public sealed class PackageNamesTests
{
    [Theory]
    [InlineData("PyPI", "Django_Rest.Framework", "django-rest-framework")]
    [InlineData("PyPI", "zope..interface", "zope-interface")]
    [InlineData("NuGet", "Newtonsoft.Json", "newtonsoft.json")]
    [InlineData("Packagist", "Symfony/Http-Kernel", "symfony/http-kernel")]
    [InlineData("Maven", "org.Apache:Foo", "org.Apache:Foo")]
    [InlineData("Go", "github.com/BurntSushi/toml", "github.com/BurntSushi/toml")]
    [InlineData("Debian:12", "libssl3", "libssl3")]
    public void Normalises_names_per_ecosystem(string ecosystem, string name, string expected) =>
        Assert.Equal(expected, PackageNames.Normalize(ecosystem, name));
}
