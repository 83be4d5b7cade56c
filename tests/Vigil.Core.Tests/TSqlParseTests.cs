using Microsoft.SqlServer.TransactSql.ScriptDom;
using Vigil.Core.Storage;

namespace Vigil.Core.Tests;

/// <summary>No SQL Server runs here, so every T-SQL Vigil writes is at least parsed by Microsoft's own parser.</summary>
public sealed class TSqlParseTests
{
    public static TheoryData<string> SqlServerScripts => new(DatabaseMigrator.ShippedScripts(DatabaseProvider.SqlServer));

    [Theory]
    [MemberData(nameof(SqlServerScripts))]
    public void Migration_script_parses_as_TSql(string resourceName)
    {
        using var stream = typeof(DatabaseMigrator).Assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        AssertParses(reader.ReadToEnd());
    }

    [Fact]
    public void Dialect_statements_parse_as_TSql()
    {
        var dialect = new SqlServerDialect();
        AssertParses(dialect.Upsert("audit_log", ["id"], ["id", "actor", "action"]));
        AssertParses(dialect.InsertIfAbsent("audit_log", ["id"], ["id", "actor", "action"]));
        AssertParses(dialect.Page("SELECT id FROM audit_log ORDER BY occurred_at DESC"));
        AssertParses($"SELECT COUNT(*) FROM audit_log WHERE {dialect.ContainsIgnoreCase("actor", "@actor")} AND occurred_at < {dialect.UtcNow}");
    }

    [Fact]
    public void Parser_rejects_broken_TSql()
    {
        // Guards the guard: the parse check must be able to fail.
        var errors = Parse("MERGE audit_log AS t USING (SELECT 1 AS id) s ON t.id = WHEN NOT MATCHED THEN INSERT (id) VALUES (1);");
        Assert.NotEmpty(errors);
    }

    private static void AssertParses(string sql)
    {
        var errors = Parse(sql);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")) + Environment.NewLine + sql);
    }

    private static IList<ParseError> Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        parser.Parse(new StringReader(sql), out var errors);
        return errors;
    }
}
