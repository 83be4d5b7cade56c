using System.Reflection;
using Vigil.Core.Storage;

namespace Vigil.Workflows.Tests.Support;

/// <summary>The workflow migration scripts (0200–0299) embedded in Vigil.Core, in order.</summary>
internal static class MigrationScripts
{
    public static IEnumerable<string> Sqlite() => Read(".Storage.Migrations.Sqlite.");

    public static IEnumerable<string> SqlServer() => Read(".Storage.Migrations.SqlServer.");

    private static IEnumerable<string> Read(string folder)
    {
        var assembly = typeof(IDbConnectionFactory).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.Contains(folder, StringComparison.Ordinal) && IsWorkflowScript(n[(n.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..]))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (names.Length == 0)
        {
            throw new InvalidOperationException($"No workflow migrations embedded under {folder}");
        }

        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return reader.ReadToEnd();
        }
    }

    private static bool IsWorkflowScript(string fileName) =>
        fileName.Length > 4 && int.TryParse(fileName.AsSpan(0, 4), out var number) && number is >= 200 and <= 299;
}
