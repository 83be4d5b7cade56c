namespace Vigil.Testing.Fixtures;

/// <summary>
/// A Go binary built with Debian's Go 1.19 (<c>golang-1.19-go</c>; its standard library has real Go advisories).
/// The module proxy is not reachable here, so the one dependency, <c>example.com/greeting v1.2.3</c>, is vendored from
/// source the fixture writes; the linker records it in the build info exactly as it would a downloaded module.
/// </summary>
public static class GoBinaryFixture
{
    /// <summary>Debian installs Go 1.19 here, outside PATH.</summary>
    public const string GoTool = "/usr/lib/go-1.19/bin/go";

    /// <summary>The vendored dependency's module path and version.</summary>
    public const string DependencyModule = "example.com/greeting";

    /// <summary>The vendored dependency's version.</summary>
    public const string DependencyVersion = "v1.2.3";

    /// <summary>Whether Go 1.19 is installed.</summary>
    public static bool Available => File.Exists(GoTool);

    /// <summary>The fixture folder: <c>src/</c> (go.mod, sources, vendor) and <c>bin/hello</c>.</summary>
    public static string Path => FixtureCache.GetOrBuild("go-binary-1", Build);

    /// <summary>The built binary.</summary>
    public static string Binary => System.IO.Path.Combine(Path, "bin", "hello");

    /// <summary>The exact toolchain version (<c>go1.19.8</c>) as <c>go version</c> prints it.</summary>
    public static string ToolchainVersion => File.ReadAllText(System.IO.Path.Combine(Path, "go-version.txt")).Trim();

    private static void Build(string root)
    {
        var src = System.IO.Path.Combine(root, "src");
        Write(src, "go.mod", $"module example.com/hello\n\ngo 1.19\n\nrequire {DependencyModule} {DependencyVersion}\n");
        Write(src, "main.go", "package main\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/greeting\"\n)\n\nfunc main() { fmt.Println(greeting.Hello()) }\n");
        Write(src, "vendor/modules.txt", $"# {DependencyModule} {DependencyVersion}\n## explicit\n{DependencyModule}\n");
        Write(src, "vendor/example.com/greeting/greeting.go", "package greeting\n\n// Hello greets.\nfunc Hello() string { return \"hello\" }\n");
        Write(src, "vendor/example.com/greeting/go.mod", "module example.com/greeting\n\ngo 1.19\n");

        var env = new Dictionary<string, string>
        {
            ["GOPATH"] = System.IO.Path.Combine(root, ".gopath"),
            ["GOCACHE"] = System.IO.Path.Combine(root, ".gocache"),
            ["GOFLAGS"] = "-mod=vendor",
            ["GOPROXY"] = "off",
            ["CGO_ENABLED"] = "0",
        };
        FixtureCache.Run(src, GoTool, env, "build", "-o", System.IO.Path.Combine(root, "bin", "hello"), ".");
        File.WriteAllText(System.IO.Path.Combine(root, "go-version.txt"), FixtureCache.Run(src, GoTool, env, "env", "GOVERSION"));
        Directory.Delete(System.IO.Path.Combine(root, ".gocache"), recursive: true);
        if (Directory.Exists(System.IO.Path.Combine(root, ".gopath")))
        {
            Directory.Delete(System.IO.Path.Combine(root, ".gopath"), recursive: true);
        }
    }

    private static void Write(string root, string relative, string content)
    {
        var full = System.IO.Path.Combine(root, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }
}
