using System.IO.Compression;
using Vigil.Scanning.Catalogers;
using Vigil.Scanning.Sources;
using Vigil.Scanning.Tests.Support;

namespace Vigil.Scanning.Tests.Catalogers;

public class JavaArchiveCatalogerTests
{
    private const string DebianJars = "/usr/share/java";

    [Fact]
    public void Debian_jars_yield_one_artifact_per_pom_properties_as_unzip_lists_them()
    {
        Assert.SkipUnless(Directory.Exists(DebianJars) && ProcessRunner.Exists("unzip"), "needs Debian's Java libraries");
        using var root = new TempDirectory();
        var jars = Directory.GetFiles(DebianJars, "*.jar").Where(f => new FileInfo(f).LinkTarget is null).Take(40).ToArray();
        foreach (var jar in jars)
        {
            root.Copy(jar, Path.Combine("lib", Path.GetFileName(jar)));
        }

        var expected = jars.Sum(jar => ProcessRunner.Run("unzip", ["-Z1", jar]).Split('\n')
            .Count(line => line.StartsWith("META-INF/maven/", StringComparison.Ordinal) && line.EndsWith("/pom.properties", StringComparison.Ordinal)));

        var result = new Cataloging([new JavaArchiveCataloger()]).Run(new DirectoryFileTree(root.Path));

        var fromPom = result.Document.Components.Sum(c => c.Locations.Count);
        Assert.True(expected > 0);
        Assert.True(fromPom >= expected, $"{fromPom} artifacts found, unzip lists {expected} pom.properties");
        Assert.All(result.Document.Components, c => Assert.StartsWith("pkg:maven/", c.Purl, StringComparison.Ordinal));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void War_built_with_the_jar_tool_yields_its_nested_library_with_a_nested_location()
    {
        Assert.SkipUnless(File.Exists($"{DebianJars}/slf4j-api.jar") && ProcessRunner.Exists("jar"), "needs Debian's jar tool and slf4j");
        using var root = new TempDirectory();
        root.Copy($"{DebianJars}/slf4j-api.jar", "staging/WEB-INF/lib/slf4j-api.jar");
        root.Write("staging/index.html", "<p>hi</p>");
        ProcessRunner.Run("jar", ["--create", "--file", Path.Combine(root.Path, "app", "shop.war"), "-C", Path.Combine(root.Path, "staging"), "."],
            workingDirectory: Directory.CreateDirectory(Path.Combine(root.Path, "app")).FullName);
        Directory.Delete(Path.Combine(root.Path, "staging"), recursive: true);

        var component = Assert.Single(new Cataloging([new JavaArchiveCataloger()]).Run(new DirectoryFileTree(root.Path)).Document.Components);

        Assert.StartsWith("pkg:maven/org.slf4j/slf4j-api@", component.Purl, StringComparison.Ordinal);
        Assert.Equal(["app/shop.war!/WEB-INF/lib/slf4j-api.jar"], component.Locations);
        Assert.Equal("org.slf4j:slf4j-api", component.Name);
    }

    [Fact]
    public void Truncated_archive_is_a_warning_naming_the_file_and_the_scan_goes_on()
    {
        using var root = new TempDirectory();
        var good = Path.Combine(root.Path, "good.jar");
        using (var zip = ZipFile.Open(good, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("META-INF/maven/g/a/pom.properties").Open());
            writer.Write("groupId=g\nartifactId=a\nversion=1\n");
        }

        var bytes = File.ReadAllBytes(good);
        File.WriteAllBytes(Path.Combine(root.Path, "truncated.jar"), bytes[..(bytes.Length / 2)]);

        var result = new Cataloging([new JavaArchiveCataloger()]).Run(new DirectoryFileTree(root.Path));

        Assert.Equal("pkg:maven/g/a@1", Assert.Single(result.Document.Components).Purl);
        Assert.StartsWith("truncated.jar: java-archive:", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }
}
