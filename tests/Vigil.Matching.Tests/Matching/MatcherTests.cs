using Vigil.Matching.Tests.Support;
using Vigil.Scanning.Matching;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Severity;

namespace Vigil.Matching.Tests.Matching;

public sealed class MatcherTests
{
    private static string Fixed(string ecosystem, string name, string id, string fixedVersion, string extra = "") =>
        OsvJson.Advisory(id, ecosystem, name, "[" + OsvJson.Range("ECOSYSTEM", ("introduced", "0"), ("fixed", fixedVersion)) + "]", extra);

    [Fact]
    public void Debian_binary_packages_match_their_source_package_in_the_release_from_the_distro_qualifier()
    {
        using var store = new TestStore(
            Fixed("Debian:12", "openssl", "DSA-9001-1", "3.0.11-1~deb12u2", "\"upstream\": [\"CVE-2099-1000\"]"),
            Fixed("Debian:11", "openssl", "DSA-9002-1", "9.9.9-1"));
        var libssl = TestStore.Component("pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12.11", "openssl", "3.0.11-1~deb12u1");

        var result = new Matcher(store.Snapshot).Match([libssl]);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("DSA-9001-1", finding.Id);
        Assert.Equal("Debian:12", finding.Package.Ecosystem);
        Assert.Equal("libssl3", finding.Package.Name);
        Assert.Contains("CVE-2099-1000", finding.Aliases);
        Assert.Equal(["3.0.11-1~deb12u2"], finding.FixedVersions);
        Assert.Equal(new FindingKey("DSA-9001-1", "pkg:deb/debian/libssl3@3.0.11-1~deb12u1", "var/lib/dpkg/status"), finding.Key);
        Assert.Equal(FindingStatus.Affected, finding.Status);
    }

    [Fact]
    public void Debian_release_comes_from_the_sbom_os_when_the_purl_has_none()
    {
        using var store = new TestStore(Fixed("Debian:12", "curl", "DSA-9003-1", "7.88.1-10+deb12u5"));
        var curl = new Component("pkg:deb/debian/curl@7.88.1-10+deb12u4?arch=amd64", "Debian", "curl", "7.88.1-10+deb12u4", null, null, null, ["var/lib/dpkg/status"]);

        var withOs = new Matcher(store.Snapshot).Match([curl], new OperatingSystemIdentity("debian", "12"));
        var withoutOs = new Matcher(store.Snapshot).Match([curl]);

        Assert.Equal("DSA-9003-1", Assert.Single(withOs.Findings).Id);
        Assert.Empty(withoutOs.Findings);
        Assert.Contains("no distro release", Assert.Single(withoutOs.Unmatched).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Alpine_matches_major_minor_release_and_origin_package()
    {
        using var store = new TestStore(Fixed("Alpine:v3.20", "openssl", "ALPINE-CVE-2099-1", "3.3.2-r0"));
        var libcrypto = TestStore.Component("pkg:apk/alpine/libcrypto3@3.3.1-r0?arch=x86_64&distro=alpine-3.20.3", "openssl", "3.3.1-r0", "lib/apk/db/installed");

        Assert.Equal("ALPINE-CVE-2099-1", Assert.Single(new Matcher(store.Snapshot).Match([libcrypto]).Findings).Id);
    }

    [Fact]
    public void Red_hat_packages_match_every_ecosystem_of_their_major_release()
    {
        using var store = new TestStore(
            Fixed("Red Hat:enterprise_linux:9::baseos", "openssl", "RHSA-2099:0001", "1:3.0.7-18.el9_2"),
            Fixed("Red Hat:enterprise_linux:8::baseos", "openssl", "RHSA-2099:0002", "1:9.9.9-1.el8"));
        var openssl = TestStore.Component("pkg:rpm/redhat/openssl-libs@3.0.7-16.el9_2?arch=x86_64&epoch=1&distro=rhel-9.4", "openssl", "1:3.0.7-16.el9_2", "var/lib/rpm");

        var finding = Assert.Single(new Matcher(store.Snapshot).Match([openssl]).Findings);

        Assert.Equal("RHSA-2099:0001", finding.Id);
    }

    [Fact]
    public void Go_modules_and_the_standard_library_match_with_or_without_v()
    {
        using var store = new TestStore(
            OsvJson.Advisory("GO-2099-0001", "Go", "stdlib", "[" + OsvJson.Range("SEMVER", ("introduced", "0"), ("fixed", "1.20.2")) + "]"),
            OsvJson.Advisory("GO-2099-0002", "Go", "github.com/foo/bar", "[" + OsvJson.Range("SEMVER", ("introduced", "2.0.0"), ("fixed", "2.1.0")) + "]"));
        var stdlib = TestStore.Component("pkg:golang/stdlib@v1.20.1", location: "usr/bin/app");
        var module = TestStore.Component("pkg:golang/github.com/foo/bar@v2.0.5+incompatible", location: "usr/bin/app");
        var fixedModule = TestStore.Component("pkg:golang/github.com/foo/bar@2.1.0", location: "usr/bin/app");

        var ids = new Matcher(store.Snapshot).Match([stdlib, module, fixedModule]).Findings.Select(f => f.Id + " " + f.Package.Version).Order().ToList();

        Assert.Equal(["GO-2099-0001 v1.20.1", "GO-2099-0002 v2.0.5+incompatible"], ids);
    }

    [Theory]
    [InlineData("PyPI", "django-rest-framework", "pkg:pypi/Django_Rest.Framework@3.0")]
    [InlineData("NuGet", "Newtonsoft.Json", "pkg:nuget/newtonsoft.json@3.0")]
    [InlineData("Maven", "org.apache.logging.log4j:log4j-core", "pkg:maven/org.apache.logging.log4j/log4j-core@3.0")]
    [InlineData("Packagist", "symfony/http-kernel", "pkg:composer/symfony/http-kernel@3.0")]
    [InlineData("npm", "@angular/core", "pkg:npm/%40angular/core@3.0.0")]
    [InlineData("crates.io", "smallvec", "pkg:cargo/smallvec@3.0.0")]
    [InlineData("RubyGems", "rails", "pkg:gem/rails@3.0")]
    public void Language_packages_match_by_normalised_name(string ecosystem, string osvName, string purl)
    {
        using var store = new TestStore(Fixed(ecosystem, osvName, "TEST-1", "4.0.0"));

        var component = TestStore.Component(purl, location: "app");

        var finding = Assert.Single(new Matcher(store.Snapshot).Match([component]).Findings);

        Assert.Equal(ecosystem, finding.Package.Ecosystem);
        Assert.Equal(component.Purl, finding.Package.Purl);
    }

    [Fact]
    public void Aliased_advisories_become_one_finding_with_the_ecosystem_own_id_as_primary()
    {
        using var store = new TestStore(
            Fixed("PyPI", "requests", "GHSA-aaaa-bbbb-cccc", "2.31.0", "\"aliases\": [\"CVE-2099-0001\", \"PYSEC-2099-1\"], \"severity\": [{\"type\": \"CVSS_V3\", \"score\": \"CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:N/A:N\"}]"),
            Fixed("PyPI", "requests", "PYSEC-2099-1", "2.31.0", "\"aliases\": [\"CVE-2099-0001\"]"));

        var finding = Assert.Single(new Matcher(store.Snapshot).Match([TestStore.Component("pkg:pypi/requests@2.30.0", location: "site-packages")]).Findings);

        Assert.Equal("PYSEC-2099-1", finding.Id);
        Assert.Equal(["CVE-2099-0001", "GHSA-aaaa-bbbb-cccc"], finding.Aliases);
        Assert.True(finding.IsKnownAs("cve-2099-0001"));
        Assert.Equal(SeverityLevel.Medium, finding.Severity.Level);
        Assert.Equal(5.3, finding.Severity.Score);
    }

    [Fact]
    public void Severity_falls_back_to_database_specific_then_to_an_alias_in_the_store_then_unknown()
    {
        using var store = new TestStore(
            Fixed("PyPI", "a", "PYSEC-1", "2.0", "\"database_specific\": {\"severity\": \"MODERATE\"}"),
            Fixed("Debian:12", "b", "DSA-1", "2.0", "\"upstream\": [\"CVE-2099-7\"]"),
            Fixed("npm", "other", "NSWG-ECO-1", "2.0.0", "\"aliases\": [\"CVE-2099-7\"], \"severity\": [{\"type\": \"CVSS_V3\", \"score\": \"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}]"),
            Fixed("PyPI", "c", "PYSEC-3", "2.0"));
        var matcher = new Matcher(store.Snapshot);

        var findings = matcher.Match([
            TestStore.Component("pkg:pypi/a@1.0", location: "x"),
            TestStore.Component("pkg:deb/debian/b@1.0?distro=debian-12"),
            TestStore.Component("pkg:pypi/c@1.0", location: "x"),
        ]).Findings.ToDictionary(f => f.Id);

        Assert.Equal(SeverityLevel.Medium, findings["PYSEC-1"].Severity.Level);
        Assert.Equal("database_specific", findings["PYSEC-1"].Severity.Origin);
        Assert.Equal(SeverityLevel.Critical, findings["DSA-1"].Severity.Level);
        Assert.Equal("alias NSWG-ECO-1", findings["DSA-1"].Severity.Origin);
        Assert.Equal(SeverityLevel.Unknown, findings["PYSEC-3"].Severity.Level);
    }

    [Fact]
    public void Unparsable_installed_versions_are_reported_as_not_comparable()
    {
        using var store = new TestStore(Fixed("PyPI", "weird", "PYSEC-9", "2.0"));

        var finding = Assert.Single(new Matcher(store.Snapshot).Match([TestStore.Component("pkg:pypi/weird@not%20a%20version", location: "x")]).Findings);

        Assert.Equal(FindingStatus.VersionNotComparable, finding.Status);
        Assert.Equal(["2.0"], finding.FixedVersions);
    }

    [Fact]
    public void One_finding_per_location_and_unknown_purl_types_are_reported()
    {
        using var store = new TestStore(Fixed("npm", "lodash", "NSWG-ECO-2", "4.17.21"));
        var lodash = new Component("pkg:npm/lodash@4.17.20", "npm", "lodash", "4.17.20", null, null, null, ["a/node_modules/lodash", "b/node_modules/lodash"]);
        var unknown = TestStore.Component("pkg:generic/thing@1.0", location: "x");

        var result = new Matcher(store.Snapshot).Match([lodash, unknown]);

        Assert.Equal(["a/node_modules/lodash", "b/node_modules/lodash"], result.Findings.Select(f => f.Key.Location).Order().ToArray());
        Assert.Contains("generic", Assert.Single(result.Unmatched).Reason, StringComparison.Ordinal);
        Assert.Equal(2, result.ComponentsScanned);
    }

    [Fact]
    public void A_cvss_v4_vector_is_preferred_over_v3()
    {
        using var store = new TestStore(Fixed("crates.io", "hyper", "RUSTSEC-2099-1", "1.0.0",
            "\"severity\": [{\"type\": \"CVSS_V3\", \"score\": \"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}, {\"type\": \"CVSS_V4\", \"score\": \"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N\"}]"));

        var finding = Assert.Single(new Matcher(store.Snapshot).Match([TestStore.Component("pkg:cargo/hyper@0.14.0", location: "Cargo.lock")]).Findings);

        Assert.Equal(6.9, finding.Severity.Score);
        Assert.Equal("CVSS_V4", finding.Severity.Origin);
        Assert.Equal(SeverityLevel.Medium, finding.Severity.Level);
    }
}
