using Dapper;
using Vigil.Core.Storage;

namespace Vigil.Core.Tests;

public sealed class DialectTests
{
    [Theory]
    [MemberData(nameof(StorageProviders.All), MemberType = typeof(StorageProviders))]
    public async Task Upsert_inserts_then_updates_one_row(string provider)
    {
        using var db = await StorageProviders.CreateAsync(provider);
        db.Migrator.Migrate();
        var sql = db.Factory.Dialect.Upsert("data_protection_keys", ["friendly_name"], ["friendly_name", "xml", "created_at"]);
        await using var connection = await db.Factory.OpenAsync();

        await connection.ExecuteAsync(sql, new { friendly_name = "k", xml = "<a/>", created_at = DateTimeOffset.UtcNow });
        await connection.ExecuteAsync(sql, new { friendly_name = "k", xml = "<b/>", created_at = DateTimeOffset.UtcNow });

        Assert.Equal("<b/>", await connection.ExecuteScalarAsync<string>("SELECT xml FROM data_protection_keys WHERE friendly_name = 'k'"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM data_protection_keys"));
    }

    [Theory]
    [MemberData(nameof(StorageProviders.All), MemberType = typeof(StorageProviders))]
    public async Task Insert_if_absent_keeps_the_first_row(string provider)
    {
        using var db = await StorageProviders.CreateAsync(provider);
        db.Migrator.Migrate();
        var sql = db.Factory.Dialect.InsertIfAbsent("data_protection_keys", ["friendly_name"], ["friendly_name", "xml", "created_at"]);
        await using var connection = await db.Factory.OpenAsync();

        await connection.ExecuteAsync(sql, new { friendly_name = "k", xml = "<first/>", created_at = DateTimeOffset.UtcNow });
        await connection.ExecuteAsync(sql, new { friendly_name = "k", xml = "<second/>", created_at = DateTimeOffset.UtcNow });

        Assert.Equal("<first/>", await connection.ExecuteScalarAsync<string>("SELECT xml FROM data_protection_keys"));
    }

    [Theory]
    [MemberData(nameof(StorageProviders.All), MemberType = typeof(StorageProviders))]
    public async Task Page_returns_the_requested_slice_in_order(string provider)
    {
        using var db = await StorageProviders.CreateAsync(provider);
        db.Migrator.Migrate();
        await using var connection = await db.Factory.OpenAsync();
        for (var i = 0; i < 10; i++)
        {
            await connection.ExecuteAsync("INSERT INTO audit_log (id, occurred_at, actor, action) VALUES (@id, @at, 'a', 'x')", new { id = $"e{i:D2}", at = DateTimeOffset.UtcNow });
        }

        var page = await connection.QueryAsync<string>(db.Factory.Dialect.Page("SELECT id FROM audit_log ORDER BY id"), new { skip = 3, take = 4 });

        Assert.Equal(["e03", "e04", "e05", "e06"], page);
    }

    [Theory]
    [MemberData(nameof(StorageProviders.All), MemberType = typeof(StorageProviders))]
    public async Task Contains_ignores_case_and_treats_wildcards_literally(string provider)
    {
        using var db = await StorageProviders.CreateAsync(provider);
        db.Migrator.Migrate();
        await using var connection = await db.Factory.OpenAsync();
        await connection.ExecuteAsync("INSERT INTO audit_log (id, occurred_at, actor, action) VALUES ('1', @at, 'Alice@Example.test', 'x'), ('2', @at, 'bob_100%', 'x'), ('3', @at, 'bobX100Y', 'x')", new { at = DateTimeOffset.UtcNow });
        var where = db.Factory.Dialect.ContainsIgnoreCase("actor", "@q");

        Assert.Equal(["1"], await connection.QueryAsync<string>($"SELECT id FROM audit_log WHERE {where}", new { q = LikePattern.Escape("alice@") }));
        Assert.Equal(["2"], await connection.QueryAsync<string>($"SELECT id FROM audit_log WHERE {where}", new { q = LikePattern.Escape("_100%") }));
    }

    [Fact]
    public async Task Timestamps_round_trip_as_utc()
    {
        using var db = await StorageProviders.CreateAsync(nameof(DatabaseProvider.Sqlite));
        db.Migrator.Migrate();
        var at = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.FromHours(2));
        await using var connection = await db.Factory.OpenAsync();
        await connection.ExecuteAsync("INSERT INTO audit_log (id, occurred_at, actor, action) VALUES ('t', @at, 'a', 'x')", new { at });

        var read = await connection.ExecuteScalarAsync<DateTimeOffset>("SELECT occurred_at FROM audit_log WHERE id = 't'");

        Assert.Equal(at, read);
        Assert.Equal(TimeSpan.Zero, read.Offset);
    }
}
