using Vigil.Scanning.Purls;

namespace Vigil.Scanning.Tests.Purls;

public class PackageUrlTests
{
    [Theory]
    [MemberData(nameof(PurlSpecTestSuite.Cases), MemberType = typeof(PurlSpecTestSuite))]
    public void Parses_spec_vector_to_its_parts_and_canonical_form(PurlSpecCase vector)
    {
        if (vector.IsInvalid)
        {
            Assert.Throws<PackageUrlFormatException>(() => PackageUrl.Parse(vector.Purl));
            return;
        }

        var purl = PackageUrl.Parse(vector.Purl);
        Assert.Equal(vector.Type, purl.Type);
        Assert.Equal(vector.Namespace, purl.Namespace);
        Assert.Equal(vector.Name, purl.Name);
        Assert.Equal(vector.Version, purl.Version);
        Assert.Equal(vector.Qualifiers ?? new Dictionary<string, string>(), purl.Qualifiers.ToDictionary());
        Assert.Equal(vector.Subpath, purl.Subpath);
        Assert.Equal(vector.CanonicalPurl, purl.ToString());
    }

    [Theory]
    [MemberData(nameof(PurlSpecTestSuite.Cases), MemberType = typeof(PurlSpecTestSuite))]
    public void Builds_spec_vector_from_its_parts(PurlSpecCase vector)
    {
        if (vector.IsInvalid || vector.Type is null || vector.Name is null)
        {
            return;
        }

        var purl = new PackageUrl(vector.Type, vector.Namespace, vector.Name, vector.Version, vector.Qualifiers, vector.Subpath);
        Assert.Equal(vector.CanonicalPurl, purl.ToString());
    }

    [Fact]
    public void Debian_version_with_epoch_and_plus_is_encoded_and_round_trips()
    {
        var purl = new PackageUrl("deb", "debian", "libc6", "2.36-9+deb12u4",
            new Dictionary<string, string> { ["distro"] = "debian-12", ["arch"] = "amd64", ["epoch"] = "1" });

        Assert.Equal("pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12&epoch=1", purl.ToString());
        Assert.Equal("2.36-9+deb12u4", PackageUrl.Parse(purl.ToString()).Version);
    }

    [Fact]
    public void Npm_scope_is_written_as_percent_40()
    {
        var purl = new PackageUrl("npm", "@babel", "core", "7.24.0");

        Assert.Equal("pkg:npm/%40babel/core@7.24.0", purl.ToString());
        Assert.Equal("@babel", PackageUrl.Parse("pkg:npm/@babel/core@7.24.0").Namespace);
    }

    [Theory]
    [InlineData("Django_Rest.framework", "django-rest-framework")]
    [InlineData("zope.interface", "zope-interface")]
    [InlineData("PyYAML", "pyyaml")]
    public void Pypi_names_are_pep503_normalised(string name, string expected)
    {
        Assert.Equal(expected, new PackageUrl("pypi", null, name, "1.0").Name);
    }

    [Fact]
    public void Malformed_percent_escape_is_rejected_with_the_input_named()
    {
        var error = Assert.Throws<PackageUrlFormatException>(() => PackageUrl.Parse("pkg:npm/foo%2@1.0"));
        Assert.Contains("pkg:npm/foo%2@1.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_qualifier_values_are_dropped_and_keys_sorted()
    {
        Assert.Equal("pkg:rpm/fedora/curl@7.50.3?arch=x86_64&distro=fedora-25",
            PackageUrl.Parse("pkg:rpm/fedora/curl@7.50.3?distro=fedora-25&epoch=&arch=x86_64").ToString());
    }
}
