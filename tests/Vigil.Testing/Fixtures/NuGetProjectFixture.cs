namespace Vigil.Testing.Fixtures;

/// <summary>
/// A console app restored and built with <c>dotnet</c> against old, vulnerable NuGet releases (Newtonsoft.Json 12.0.1,
/// System.Text.Encodings.Web 4.5.0), with a restore lock file: real <c>packages.lock.json</c> and
/// <c>bin/.../app.deps.json</c> for the NuGet cataloger and the matcher's later tests.
/// </summary>
public static class NuGetProjectFixture
{
    /// <summary>The direct references; both lock and deps files name at least these.</summary>
    public static readonly IReadOnlyDictionary<string, string> Dependencies = new Dictionary<string, string>
    {
        ["Newtonsoft.Json"] = "12.0.1",
        ["System.Text.Encodings.Web"] = "4.5.0",
    };

    // Kept outside the repository so the repo's central package management and build props do not apply.
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <RestorePackagesWithLockFile>true</RestorePackagesWithLockFile>
            <NuGetAudit>false</NuGetAudit>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Newtonsoft.Json" Version="12.0.1" />
            <PackageReference Include="System.Text.Encodings.Web" Version="4.5.0" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>Whether the dotnet CLI is available.</summary>
    public static bool Available => FixtureCache.HasTool("dotnet");

    /// <summary>The project folder (<c>packages.lock.json</c>, <c>bin/Release/net10.0/app.deps.json</c>).</summary>
    public static string Path => FixtureCache.GetOrBuild("nuget-project-1", Build);

    private static void Build(string root)
    {
        File.WriteAllText(System.IO.Path.Combine(root, "app.csproj"), Project);
        File.WriteAllText(System.IO.Path.Combine(root, "Program.cs"), "System.Console.WriteLine(Newtonsoft.Json.JsonConvert.SerializeObject(1));\n");
        FixtureCache.Run(root, "dotnet", "build", "-c", "Release", "-nologo", "-v", "q");
        Directory.Delete(System.IO.Path.Combine(root, "obj"), recursive: true);
    }
}
