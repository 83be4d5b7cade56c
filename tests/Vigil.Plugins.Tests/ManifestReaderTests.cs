using Vigil.Plugins.Sdk.Manifest;

namespace Vigil.Plugins.Tests;

public sealed class ManifestReaderTests
{
    [Theory]
    [InlineData("^1.0", "1.0.0", true)]
    [InlineData("^1.2", "1.1.9", false)]
    [InlineData("1.2", "1.9.0", true)]
    [InlineData("^1.0", "2.0.0", false)]
    [InlineData(">=1.0 <3.0", "2.5.0", true)]
    [InlineData(">=1.0 <3.0", "3.0.0", false)]
    [InlineData(">=1.1", "9.0.0", true)]
    public void Sdk_ranges_follow_the_versioning_policy(string range, string version, bool included) =>
        Assert.Equal(included, SdkVersionRange.Parse(range).Includes(Version.Parse(version)));

    [Theory]
    [InlineData("~1.0")]
    [InlineData(">=2.0 <1.0")]
    [InlineData("<=2.0")]
    [InlineData("")]
    public void Invalid_ranges_are_refused(string range) => Assert.Throws<FormatException>(() => SdkVersionRange.Parse(range));

    [Fact]
    public void The_built_in_manifests_parse_with_their_settings()
    {
        var manifest = PluginManifestReader.Parse(File.ReadAllText(Testing.RepoPaths.Combine("plugins", "Vigil.Plugins.DockerRegistry", "vigil-plugin.json")));

        var registry = Assert.Single(manifest.Provides);
        Assert.Equal(PluginKinds.Registry, registry.Kind);
        Assert.True(registry.Settings.Find("password")!.Secret);
        Assert.True(registry.Settings.Find("registry")!.Required);
        Assert.Equal(SettingType.StringList, registry.Settings.Find("repositories")!.Type);
        Assert.Equal(9, registry.Settings.Find("flavour")!.Choices.Count);
    }

    [Theory]
    [InlineData("""{ "id": "x", "name": "X", "version": "1", "sdk": "^1.0" }""", "assembly is required")]
    [InlineData("""{ "id": "Bad Id", "name": "X", "version": "1", "sdk": "^1.0", "assembly": "x.dll" }""", "id 'Bad Id' must be")]
    [InlineData("""{ "id": "x", "name": "X", "version": "1", "sdk": "^1.0", "assembly": "x.dll", "provides": [ { "kind": "printer", "type": "p", "name": "P" } ] }""", "kind 'printer' is not one of")]
    [InlineData("""{ "id": "x", "name": "X", "version": "1", "sdk": "^1.0", "assembly": "x.dll", "provides": [ { "kind": "cloud", "type": "c", "name": "C", "settings": { "properties": { "n": { "type": "integer", "secret": true } } } } ] }""", "only string settings can be secret")]
    [InlineData("""{ "id": "x", "name": "X", "version": "1", "sdk": "^1.0", "assembly": "x.dll", "provides": [ { "kind": "cloud", "type": "c", "name": "C", "settings": { "properties": {}, "required": ["ghost"] } } ] }""", "required names 'ghost'")]
    [InlineData("not json", "is not valid JSON")]
    public void Invalid_manifests_are_refused_with_the_field_named(string json, string message)
    {
        var error = Assert.Throws<PluginManifestException>(() => PluginManifestReader.Parse(json));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
