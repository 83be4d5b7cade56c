using Vigil.Plugins.Sdk.Manifest;
using Vigil.Testing;

namespace Vigil.Notifications.Tests.Channels;

/// <summary>The plugin as the console finds it in plugins/bin: its manifest, and no SDK or Microsoft.Extensions copies of its own.</summary>
public sealed class ManifestTests
{
    private static readonly string Folder = RepoPaths.Combine("plugins", "bin", "vigil.notifications");

    [Fact]
    public void Declares_one_notification_connector_per_channel_with_its_secrets_marked()
    {
        var manifest = PluginManifestReader.Parse(File.ReadAllText(Path.Combine(Folder, PluginManifest.FileName)));

        Assert.Equal("vigil.notifications", manifest.Id);
        Assert.Equal(["webhook", "slack", "teams", "email", "pagerduty", "jira"], manifest.Provides.Select(p => p.Type).ToArray());
        Assert.All(manifest.Provides, p => Assert.Equal(PluginKinds.Notification, p.Kind));
        var secrets = manifest.Provides.ToDictionary(p => p.Type, p => p.Settings.Properties.Where(s => s.Secret).Select(s => s.Name).ToArray());
        Assert.Equal(["secret"], secrets["webhook"]);
        Assert.Equal(["webhookUrl"], secrets["slack"]);
        Assert.Equal(["webhookUrl"], secrets["teams"]);
        Assert.Equal(["password"], secrets["email"]);
        Assert.Equal(["routingKey"], secrets["pagerduty"]);
        Assert.Equal(["apiToken"], secrets["jira"]);
    }

    [Fact]
    public void Ships_mailkit_but_not_the_sdk_or_microsoft_extensions()
    {
        var files = Directory.EnumerateFiles(Folder).Select(Path.GetFileName).ToArray();
        Assert.Contains("Vigil.Plugins.Notifications.dll", files);
        Assert.Contains("MailKit.dll", files);
        Assert.DoesNotContain(files, f => f!.StartsWith("Vigil.Plugins.Sdk", StringComparison.Ordinal) || f.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));
    }
}
