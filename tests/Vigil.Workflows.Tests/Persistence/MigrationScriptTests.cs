using Microsoft.SqlServer.TransactSql.ScriptDom;
using Vigil.Workflows.Tests.Support;

namespace Vigil.Workflows.Tests.Persistence;

public sealed class MigrationScriptTests
{
    [Fact]
    public void The_sql_server_scripts_parse_as_t_sql()
    {
        foreach (var script in MigrationScripts.SqlServer())
        {
            var parser = new TSql160Parser(initialQuotedIdentifiers: true);
            parser.Parse(new StringReader(script), out var errors);

            Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        }
    }

    [Fact]
    public void Both_providers_create_the_same_tables()
    {
        static string[] Tables(IEnumerable<string> scripts) => scripts
            .SelectMany(s => System.Text.RegularExpressions.Regex.Matches(s, @"CREATE TABLE (\w+)").Select(m => m.Groups[1].Value))
            .Order().ToArray();

        var sqlite = Tables(MigrationScripts.Sqlite());

        Assert.Equal(sqlite, Tables(MigrationScripts.SqlServer()));
        Assert.Contains("workflow_bookmarks", sqlite);
    }
}
