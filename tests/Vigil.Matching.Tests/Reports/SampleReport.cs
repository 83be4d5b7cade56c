using Vigil.Matching.Tests.Support;
using Vigil.Scanning.Matching;
using Vigil.Scanning.Policies;
using Vigil.Scanning.Purls;
using Vigil.Scanning.Reports;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Severity;

namespace Vigil.Matching.Tests.Reports;

/// <summary>A small report with every kind of finding the writers must handle.</summary>
internal static class SampleReport
{
    public static ScanReport Create()
    {
        Component[] components =
        [
            ComponentFactory.Create(PackageUrl.Parse("pkg:npm/lodash@4.17.20"), "app/package-lock.json"),
            ComponentFactory.Create(PackageUrl.Parse("pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12"), "var/lib/dpkg/status", "openssl", "3.0.11-1~deb12u1"),
        ];
        Finding[] findings =
        [
            Findings.Make("GHSA-35jh-r3h4-6jhm", SeverityLevel.High, 7.2, ["CVE-2021-23337"], purl: "pkg:npm/lodash@4.17.20"),
            Findings.Make("DSA-5532-1", SeverityLevel.Unknown, null, ["CVE-2023-5363"], ["3.0.11-1~deb12u2"], "pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12"),
            Findings.Make("PYSEC-X", SeverityLevel.Medium, null, [], [], "pkg:npm/lodash@4.17.20", FindingStatus.VersionNotComparable),
        ];
        var policy = new PolicyResult(false, ["1 finding(s) at or above high"], findings, []);
        return new ScanReport("sample target", "0123456789abcdef", components, findings, [], [("mystery", "no purl")], policy);
    }
}
