using Vigil.Scanning.Catalogers;
using Vigil.Scanning.Sources;
using Vigil.Testing.Fixtures;

namespace Vigil.Scanning.Tests.Catalogers;

public class RpmCatalogerTests
{
    [Fact]
    public void Sqlite_rpmdb_written_by_rpm_yields_packages_with_epoch_and_source_rpm()
    {
        Assert.SkipUnless(RpmDatabaseFixture.Available, "needs Debian's rpm package");

        var result = new Cataloging([new RpmCataloger()]).Run(new DirectoryFileTree(RpmDatabaseFixture.Path));

        Assert.Empty(result.Warnings);
        Assert.Equal(
            [
                "pkg:rpm/rhel/vigil-demo-libs@1.2.3-4.el9?arch=noarch&distro=rhel-9.4&epoch=2",
                "pkg:rpm/rhel/vigil-demo@1.2.3-4.el9?arch=noarch&distro=rhel-9.4&epoch=2",
            ],
            result.Document.Components.Select(c => c.Purl));
        var libs = result.Document.Components[0];
        Assert.Equal(("vigil-demo", "2:1.2.3-4.el9"), (libs.SourceName, libs.SourceVersion));
        Assert.Equal("2:1.2.3-4.el9", libs.Version);
        Assert.Equal("Red Hat", libs.Ecosystem);
        Assert.Equal(["var/lib/rpm/rpmdb.sqlite"], libs.Locations);
    }

    [Fact]
    public void Truncated_header_blob_is_rejected()
    {
        byte[] blob = [0, 0, 0, 5, 0, 0, 1, 0, 0, 0];

        Assert.Throws<InvalidDataException>(() => RpmHeader.Parse(blob));
    }
}
