using Vigil.Scanning.CycloneDx;

namespace Vigil.Scanning.Tests.CycloneDx;

public class CycloneDxReaderTests
{
    // The shape Trivy writes (specVersion 1.5/1.6, aquasecurity properties, distro with point release, epoch qualifier).
    private const string TrivyBom = """
    {
      "$schema": "http://cyclonedx.org/schema/bom-1.5.schema.json",
      "bomFormat": "CycloneDX",
      "specVersion": "1.5",
      "serialNumber": "urn:uuid:2d3c1bd8-4f8e-4f0f-9a0e-7b7a4f3a1d11",
      "version": 1,
      "metadata": {
        "timestamp": "2025-06-01T10:00:00+00:00",
        "tools": { "components": [ { "type": "application", "group": "aquasecurity", "name": "trivy", "version": "0.63.0" } ] },
        "component": { "bom-ref": "abc", "type": "container", "name": "debian:12" }
      },
      "components": [
        { "bom-ref": "os", "type": "operating-system", "name": "debian", "version": "12.11" },
        {
          "bom-ref": "pkg:deb/debian/login@4.13%2Bdfsg1-1%2Bb1?arch=amd64&distro=debian-12.11&epoch=1",
          "type": "library", "name": "login", "version": "1:4.13+dfsg1-1+b1",
          "purl": "pkg:deb/debian/login@4.13%2Bdfsg1-1%2Bb1?arch=amd64&distro=debian-12.11&epoch=1",
          "properties": [
            { "name": "aquasecurity:trivy:PkgType", "value": "debian" },
            { "name": "aquasecurity:trivy:SrcEpoch", "value": "1" },
            { "name": "aquasecurity:trivy:SrcName", "value": "shadow" },
            { "name": "aquasecurity:trivy:SrcRelease", "value": "1" },
            { "name": "aquasecurity:trivy:SrcVersion", "value": "4.13+dfsg1" }
          ]
        },
        {
          "bom-ref": "app", "type": "application", "name": "app/package-lock.json",
          "components": [
            {
              "bom-ref": "pkg:npm/lodash@4.17.20", "type": "library", "name": "lodash", "version": "4.17.20",
              "purl": "pkg:npm/lodash@4.17.20",
              "properties": [ { "name": "aquasecurity:trivy:FilePath", "value": "app/node_modules/lodash/package.json" } ]
            }
          ]
        },
        { "bom-ref": "apk", "type": "library", "name": "musl", "version": "1.2.5-r0", "purl": "pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=3.20.3" },
        { "bom-ref": "bad", "type": "library", "name": "broken", "version": "1", "purl": "pkg:maven/@1" }
      ]
    }
    """;

    [Fact]
    public void Reads_Trivy_source_properties_and_normalises_its_distro_forms()
    {
        var result = CycloneDxReader.Read(TrivyBom);

        var login = Assert.Single(result.Document.Components, c => c.Name == "login");
        Assert.Equal("shadow", login.SourceName);
        Assert.Equal("1:4.13+dfsg1-1", login.SourceVersion);
        Assert.Equal("1:4.13+dfsg1-1+b1", login.Version);
        Assert.Equal("debian-12", login.Distro);
        Assert.Equal("Debian", login.Ecosystem);

        var musl = Assert.Single(result.Document.Components, c => c.Name == "musl");
        Assert.Equal("alpine-3.20.3", musl.Distro);
        Assert.Equal("Alpine", musl.Ecosystem);
        Assert.Equal("debian", result.Document.OperatingSystem!.Id);
        Assert.Equal("1.5", result.SpecVersion);
    }

    [Fact]
    public void Reads_nested_components_and_their_Trivy_file_path()
    {
        var lodash = Assert.Single(CycloneDxReader.Read(TrivyBom).Document.Components, c => c.Name == "lodash");

        Assert.Equal(["app/node_modules/lodash/package.json"], lodash.Locations);
        Assert.Equal("npm", lodash.Ecosystem);
    }

    [Fact]
    public void Reports_components_without_a_valid_purl_instead_of_dropping_them()
    {
        var result = CycloneDxReader.Read(TrivyBom);

        Assert.Contains(result.Unidentified, u => u.Name == "app/package-lock.json" && u.Reason == "no purl");
        Assert.Contains(result.Unidentified, u => u.Name == "broken" && u.Reason.Contains("name", StringComparison.Ordinal));
    }

    [Fact]
    public void Reads_CycloneDX_1_4_with_a_tools_array()
    {
        const string bom = """
        {
          "bomFormat": "CycloneDX", "specVersion": "1.4", "version": 1,
          "metadata": { "tools": [ { "vendor": "anchore", "name": "syft", "version": "0.90.0" } ] },
          "components": [
            { "type": "library", "name": "requests", "version": "2.31.0", "purl": "pkg:pypi/requests@2.31.0",
              "properties": [ { "name": "syft:location:0:path", "value": "/usr/lib/python3/dist-packages/requests-2.31.0.dist-info/METADATA" } ] },
            { "type": "library", "name": "libc6", "version": "2.36-9", "purl": "pkg:deb/debian/libc6@2.36-9?arch=amd64&upstream=glibc&distro=debian-12" }
          ]
        }
        """;

        var result = CycloneDxReader.Read(bom);

        Assert.Equal("1.4", result.SpecVersion);
        var requests = Assert.Single(result.Document.Components, c => c.Name == "requests");
        Assert.Equal("PyPI", requests.Ecosystem);
        Assert.Equal(["/usr/lib/python3/dist-packages/requests-2.31.0.dist-info/METADATA"], requests.Locations);
        Assert.Equal("glibc", Assert.Single(result.Document.Components, c => c.Name == "libc6").SourceName);
    }

    [Theory]
    [InlineData("""{"bomFormat":"SPDX","specVersion":"1.6"}""", "bomFormat")]
    [InlineData("""{"bomFormat":"CycloneDX","specVersion":"2.0"}""", "2.0")]
    [InlineData("""{"bomFormat":"CycloneDX",""", "not CycloneDX JSON")]
    public void Rejects_other_documents_with_a_reason(string json, string expected)
    {
        var error = Assert.Throws<SbomFormatException>(() => CycloneDxReader.Read(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
