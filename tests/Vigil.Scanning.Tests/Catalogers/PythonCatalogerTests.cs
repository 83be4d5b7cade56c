using Vigil.Scanning.Catalogers;
using Vigil.Scanning.Purls;
using Vigil.Scanning.Sources;
using Vigil.Scanning.Tests.Support;

namespace Vigil.Scanning.Tests.Catalogers;

public class PythonCatalogerTests
{
    private const string DistPackages = "/usr/lib/python3/dist-packages";

    [Fact]
    public void Installed_Debian_python3_packages_match_what_importlib_metadata_reports()
    {
        Assert.SkipUnless(Directory.Exists(DistPackages) && ProcessRunner.Exists("python3"), "needs Debian's python3 packages");
        var expected = ProcessRunner.Run("python3", ["-c",
                $"import importlib.metadata as m\nfor d in m.distributions(path=['{DistPackages}']): print(d.metadata['Name'] + ' ' + d.version)"])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .Select(parts => $"{PurlTypeRules.NormalizePypiName(parts[0])}@{parts[1]}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();

        var components = new Cataloging([new PythonInstalledCataloger()]).Run(new DirectoryFileTree(DistPackages)).Document.Components;

        Assert.True(expected.Length > 5);
        Assert.Equal(expected, components.Select(c => $"{c.Name}@{c.Version}").Distinct().Order(StringComparer.Ordinal));
        Assert.All(components, c => Assert.Equal("PyPI", c.Ecosystem));
    }

    [Fact]
    public void Lockfiles_and_requirement_pins_yield_normalised_names()
    {
        using var root = new TempDirectory();
        root.Write("svc/requirements.txt", """
            # pinned for production
            Django==3.2.4 \
                --hash=sha256:abc
            requests[security]==2.25.1 ; python_version >= "3.6"
            flask>=2.0
            -r requirements-dev.txt
            -e git+https://example.invalid/repo.git#egg=local
            """);
        root.Write("poetry/poetry.lock", """
            [[package]]
            name = "PyYAML"
            version = "5.3.1"
            description = "YAML parser and emitter for Python"
            optional = false
            python-versions = ">=2.7"

            [package.extras]
            test = ["pytest"]

            [[package]]
            name = "urllib3"
            version = "1.26.4"

            [metadata]
            lock-version = "2.0"
            """);
        root.Write("uv/uv.lock", """
            version = 1
            requires-python = ">=3.12"

            [[package]]
            name = "my-app"
            version = "0.1.0"
            source = { editable = "." }

            [[package]]
            name = "jinja2"
            version = "2.11.2"
            source = { registry = "https://pypi.org/simple" }
            """);
        root.Write("pipenv/Pipfile.lock", """
            {"_meta":{"hash":{"sha256":"x"}},
             "default":{"zope.interface":{"hashes":[],"version":"==5.4.0"},"gitpkg":{"git":"https://example.invalid/x.git"}},
             "develop":{"pytest":{"version":"==6.2.4"}}}
            """);

        var result = new Cataloging([new PythonRequirementsCataloger(), new PythonLockfileCataloger()]).Run(new DirectoryFileTree(root.Path));

        Assert.Equal(
            [
                "pkg:pypi/django@3.2.4", "pkg:pypi/jinja2@2.11.2", "pkg:pypi/pytest@6.2.4", "pkg:pypi/pyyaml@5.3.1",
                "pkg:pypi/requests@2.25.1", "pkg:pypi/urllib3@1.26.4", "pkg:pypi/zope-interface@5.4.0",
            ],
            result.Document.Components.Select(c => c.Purl));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Zipped_egg_is_read_from_its_EGG_INFO()
    {
        using var root = new TempDirectory();
        var egg = Path.Combine(root.Path, "site-packages", "Example_Pkg-21.12-py3.6.egg");
        Directory.CreateDirectory(Path.GetDirectoryName(egg)!);
        using (var zip = System.IO.Compression.ZipFile.Open(egg, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("EGG-INFO/PKG-INFO").Open());
            writer.Write("Metadata-Version: 1.1\nName: Example_Pkg\nVersion: 21.12\n\nlong description\n");
        }

        var component = Assert.Single(new Cataloging([new PythonInstalledCataloger()]).Run(new DirectoryFileTree(root.Path)).Document.Components);

        Assert.Equal("pkg:pypi/example-pkg@21.12", component.Purl);
        Assert.Equal(["site-packages/Example_Pkg-21.12-py3.6.egg"], component.Locations);
    }
}
