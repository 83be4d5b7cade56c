using System.Text.Json;
using Vigil.Scanning.CycloneDx;
using Vigil.Scanning.Purls;
using Vigil.Scanning.Sbom;

namespace Vigil.Scanning.Tests.CycloneDx;

public class CycloneDxWriterTests
{
    internal static SbomDocument SampleDocument() => new(
        "dir:/srv/rootfs",
        new OperatingSystemIdentity("debian", "12", "Debian GNU/Linux 12 (bookworm)", "bookworm"),
        [
            ComponentFactory.Create(
                new PackageUrl("deb", "debian", "libgcc-s1", "12.2.0-14", new Dictionary<string, string> { ["arch"] = "amd64", ["distro"] = "debian-12" }),
                "var/lib/dpkg/status", "gcc-12", "12.2.0-14"),
            ComponentFactory.Create(
                new PackageUrl("deb", "debian", "login", "4.13+dfsg1-1+b1", new Dictionary<string, string> { ["arch"] = "amd64", ["distro"] = "debian-12", ["epoch"] = "1" }),
                "var/lib/dpkg/status", "shadow", "1:4.13+dfsg1-1"),
            ComponentFactory.Create(new PackageUrl("npm", "@babel", "core", "7.24.0"), ["app/node_modules/@babel/core/package.json", "app/package-lock.json"]),
            ComponentFactory.Create(new PackageUrl("maven", "org.apache.logging.log4j", "log4j-core", "2.14.1"), "app/lib/log4j-core-2.14.1.jar"),
        ]);

    [Fact]
    public async Task Output_is_valid_against_the_CycloneDX_1_6_schema()
    {
        var json = CycloneDxWriter.WriteToString(SampleDocument(), "container");

        Assert.Empty(await CycloneDxSchema.ValidateAsync(json));
    }

    [Fact]
    public async Task Schema_check_catches_an_invalid_document()
    {
        // Guards the test above: a schema that accepted anything would make it meaningless.
        var json = CycloneDxWriter.WriteToString(SampleDocument()).Replace("\"operating-system\"", "\"os\"", StringComparison.Ordinal);

        Assert.NotEmpty(await CycloneDxSchema.ValidateAsync(json));
    }

    [Fact]
    public void Os_is_a_component_of_type_operating_system_and_packages_carry_vigil_properties()
    {
        using var json = JsonDocument.Parse(CycloneDxWriter.WriteToString(SampleDocument()));
        var components = json.RootElement.GetProperty("components").EnumerateArray().ToArray();

        var os = Assert.Single(components, c => c.GetProperty("type").GetString() == "operating-system");
        Assert.Equal("debian", os.GetProperty("name").GetString());
        Assert.Equal("12", os.GetProperty("version").GetString());

        var login = Assert.Single(components, c => c.GetProperty("name").GetString() == "login");
        Assert.Equal("1:4.13+dfsg1-1+b1", login.GetProperty("version").GetString());
        Assert.Equal("pkg:deb/debian/login@4.13%2Bdfsg1-1%2Bb1?arch=amd64&distro=debian-12&epoch=1", login.GetProperty("purl").GetString());
        var properties = login.GetProperty("properties").EnumerateArray()
            .Select(p => (p.GetProperty("name").GetString(), p.GetProperty("value").GetString())).ToArray();
        Assert.Contains(("vigil:source:name", "shadow"), properties);
        Assert.Contains(("vigil:source:version", "1:4.13+dfsg1-1"), properties);
        Assert.Contains(("vigil:location", "var/lib/dpkg/status"), properties);
        Assert.Equal("1.6", json.RootElement.GetProperty("specVersion").GetString());
    }

    [Fact]
    public void Written_document_reads_back_to_the_same_components()
    {
        var original = SampleDocument();

        var read = CycloneDxReader.Read(CycloneDxWriter.WriteToString(original));

        Assert.Equal("1.6", read.SpecVersion);
        Assert.Empty(read.Unidentified);
        Assert.Equal(original.OperatingSystem!.Id, read.Document.OperatingSystem!.Id);
        Assert.Equal(original.OperatingSystem.VersionId, read.Document.OperatingSystem.VersionId);
        Assert.Equal(original.TargetName, read.Document.TargetName);
        Assert.Equal(
            original.Components.OrderBy(c => c.Purl, StringComparer.Ordinal).Select(Describe),
            read.Document.Components.Select(Describe));
    }

    private static string Describe(Component c) =>
        $"{c.Purl}|{c.Ecosystem}|{c.Name}|{c.Version}|{c.SourceName}|{c.SourceVersion}|{c.Distro}|{string.Join(',', c.Locations)}";
}
