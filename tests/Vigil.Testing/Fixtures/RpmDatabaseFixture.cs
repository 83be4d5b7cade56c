namespace Vigil.Testing.Fixtures;

/// <summary>
/// A real SQLite rpmdb: packages built with <c>rpmbuild</c> (Debian's <c>rpm</c> package) and registered with
/// <c>rpm --justdb</c>, so header blobs, epochs, source RPM names and the WAL are exactly what RPM writes.
/// </summary>
public static class RpmDatabaseFixture
{
    private const string Spec = """
        Name: vigil-demo
        Version: 1.2.3
        Release: 4.el9
        Epoch: 2
        Summary: Vigil demo package
        License: MIT
        BuildArch: noarch
        %description
        Demo package for Vigil's rpm cataloger tests.
        %package libs
        Summary: Vigil demo libraries
        %description libs
        Sub-package: its source RPM is vigil-demo's.
        %files
        %files libs
        """;

    /// <summary>Whether rpm and rpmbuild are installed.</summary>
    public static bool Available => FixtureCache.HasTool("rpm") && FixtureCache.HasTool("rpmbuild");

    /// <summary>The fixture root; the database is at <c>var/lib/rpm/rpmdb.sqlite</c> below it.</summary>
    public static string Path => FixtureCache.GetOrBuild("rpmdb-1", Build);

    private static void Build(string root)
    {
        var top = System.IO.Path.Combine(root, ".build");
        Directory.CreateDirectory(top);
        var spec = System.IO.Path.Combine(top, "vigil-demo.spec");
        File.WriteAllText(spec, Spec);
        FixtureCache.Run(top, "rpmbuild", "--define", $"_topdir {top}", "-bb", spec);
        var dbPath = System.IO.Path.Combine(root, "var", "lib", "rpm");
        Directory.CreateDirectory(dbPath);
        FixtureCache.Run(root, "rpm", "--dbpath", dbPath, "--initdb");
        var rpms = Directory.GetFiles(System.IO.Path.Combine(top, "RPMS"), "*.rpm", SearchOption.AllDirectories);
        FixtureCache.Run(root, "rpm", ["--dbpath", dbPath, "-i", "--justdb", "--nodeps", "--ignorearch", "--ignoreos", .. rpms]);
        Directory.CreateDirectory(System.IO.Path.Combine(root, "etc"));
        File.WriteAllText(System.IO.Path.Combine(root, "etc", "os-release"), "NAME=\"Red Hat Enterprise Linux\"\nID=\"rhel\"\nVERSION_ID=\"9.4\"\n");
        Directory.Delete(top, recursive: true);
    }
}
