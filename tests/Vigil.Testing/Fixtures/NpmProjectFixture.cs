namespace Vigil.Testing.Fixtures;

/// <summary>
/// One small JavaScript project with old, vulnerable releases (lodash 4.17.15, which the shared npm feed lists as affected by NSWG-ECO-516; minimist 1.2.5) installed from the
/// npm registry, locked by every tool the catalogers read: npm (lockfile v3 and v1, plus node_modules), pnpm 9,
/// yarn classic and yarn berry. Each tool's output is a folder of its own.
/// </summary>
public static class NpmProjectFixture
{
    /// <summary>The direct dependencies and their exact versions; every lockfile resolves exactly these.</summary>
    public static readonly IReadOnlyDictionary<string, string> Dependencies = new Dictionary<string, string>
    {
        ["lodash"] = "4.17.15",
        ["minimist"] = "1.2.5",
        ["@babel/helper-string-parser"] = "7.24.1",
    };

    private const string PackageJson = """
        {"name":"vigil-fixture","version":"1.0.0","private":true,
         "dependencies":{"lodash":"4.17.15","minimist":"1.2.5","@babel/helper-string-parser":"7.24.1"}}
        """;

    /// <summary>Whether npm is available to build the fixture.</summary>
    public static bool Available => FixtureCache.HasTool("npm");

    /// <summary>The fixture root with folders <c>npm</c>, <c>npm-v1</c>, <c>pnpm</c>, <c>yarn-v1</c>, <c>yarn-berry</c>.</summary>
    public static string Path => FixtureCache.GetOrBuild("npm-project-2", Build);

    private static void Build(string root)
    {
        const string quiet = "--no-audit";
        var npm = Project(root, "npm");
        FixtureCache.Run(npm, "npm", "install", quiet, "--no-fund", "--ignore-scripts");

        var v1 = Project(root, "npm-v1");
        FixtureCache.Run(v1, "npm", "install", quiet, "--no-fund", "--ignore-scripts", "--package-lock-only", "--lockfile-version", "1");

        var pnpm = Project(root, "pnpm");
        FixtureCache.Run(pnpm, "npm", "exec", "--yes", "--package", "pnpm@9", "--", "pnpm", "install", "--lockfile-only");

        var yarn = Project(root, "yarn-v1");
        FixtureCache.Run(yarn, "npm", "exec", "--yes", "--package", "yarn@1", "--", "yarn", "install", "--ignore-scripts");
        Directory.Delete(System.IO.Path.Combine(yarn, "node_modules"), recursive: true);

        var berry = Project(root, "yarn-berry");
        File.WriteAllText(System.IO.Path.Combine(berry, "yarn.lock"), "");
        FixtureCache.Run(berry, "npm", "exec", "--yes", "--package", "@yarnpkg/cli-dist@4", "--", "yarn", "install", "--mode=update-lockfile");
    }

    private static string Project(string root, string name)
    {
        var folder = System.IO.Path.Combine(root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(System.IO.Path.Combine(folder, "package.json"), PackageJson);
        return folder;
    }
}
