using Dapper;
using Microsoft.Extensions.Time.Testing;
using Vigil.Core.Accounts;

namespace Vigil.Core.Tests;

public sealed class ApiKeyServiceTests
{
    [Theory]
    [MemberData(nameof(StorageProviders.All), MemberType = typeof(StorageProviders))]
    public async Task Created_key_validates_with_its_role_and_is_stored_only_as_a_hash(string provider)
    {
        using var core = await CoreServices.CreateAsync(provider);
        var created = await core.ApiKeys.CreateAsync("ci", "operator", null, "admin@test");

        var valid = await core.ApiKeys.ValidateAsync(created.Key);

        Assert.NotNull(valid);
        Assert.Equal(Roles.Operator, valid.Role);
        Assert.StartsWith(ApiKeySecret.Marker, created.Key);
        Assert.True(created.Key.Length >= 40, "256 random bits in base64url");
        await using var connection = await core.Database.Factory.OpenAsync();
        var stored = await connection.QuerySingleAsync<string>("SELECT key_hash FROM api_keys");
        Assert.Equal(ApiKeySecret.Hash(created.Key), stored);
        Assert.DoesNotContain(created.Key, stored);
    }

    [Fact]
    public async Task Unknown_and_tampered_keys_are_refused()
    {
        using var core = await CoreServices.CreateAsync();
        var created = await core.ApiKeys.CreateAsync("ci", Roles.Viewer, null, "admin@test");

        Assert.Null(await core.ApiKeys.ValidateAsync(created.Key[..^1] + (created.Key[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(await core.ApiKeys.ValidateAsync(""));
        Assert.Null(await core.ApiKeys.ValidateAsync(new string('x', 10_000)));
    }

    [Fact]
    public async Task Revoked_key_is_refused_at_once()
    {
        using var core = await CoreServices.CreateAsync();
        var created = await core.ApiKeys.CreateAsync("ci", Roles.Viewer, null, "admin@test");

        Assert.True(await core.ApiKeys.RevokeAsync(created.Record.Id, "admin@test"));

        Assert.Null(await core.ApiKeys.ValidateAsync(created.Key));
        Assert.False(await core.ApiKeys.RevokeAsync(created.Record.Id, "admin@test"));
    }

    [Fact]
    public async Task Expired_key_is_refused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        using var core = await CoreServices.CreateAsync(time: clock);
        var created = await core.ApiKeys.CreateAsync("short-lived", Roles.Viewer, clock.GetUtcNow().AddHours(1), "admin@test");
        Assert.NotNull(await core.ApiKeys.ValidateAsync(created.Key));

        clock.Advance(TimeSpan.FromHours(1));

        Assert.Null(await core.ApiKeys.ValidateAsync(created.Key));
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_reasons()
    {
        using var core = await CoreServices.CreateAsync();

        var unknownRole = await Assert.ThrowsAsync<ArgumentException>(() => core.ApiKeys.CreateAsync("x", "root", null, "a"));
        Assert.Contains("Unknown role", unknownRole.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => core.ApiKeys.CreateAsync(" ", Roles.Viewer, null, "a"));
        await Assert.ThrowsAsync<ArgumentException>(() => core.ApiKeys.CreateAsync("past", Roles.Viewer, DateTimeOffset.UtcNow.AddMinutes(-1), "a"));
        await Assert.ThrowsAsync<ArgumentException>(() => core.ApiKeys.CreateAsync("weak", Roles.Admin, null, "a", suppliedKey: "short"));
    }

    [Fact]
    public async Task Supplied_bootstrap_key_validates_with_exactly_that_value()
    {
        using var core = await CoreServices.CreateAsync();
        const string supplied = "vgl_bootstrap_0123456789abcdef0123";
        await core.ApiKeys.CreateAsync("bootstrap", Roles.Admin, null, "bootstrap", supplied);

        Assert.Equal(Roles.Admin, (await core.ApiKeys.ValidateAsync(supplied))?.Role);
    }

    [Fact]
    public async Task Use_is_recorded_as_last_used()
    {
        using var core = await CoreServices.CreateAsync();
        var created = await core.ApiKeys.CreateAsync("ci", Roles.Viewer, null, "admin@test");
        Assert.Null((await core.ApiKeys.ListAsync()).Single().LastUsedAt);

        await core.ApiKeys.ValidateAsync(created.Key);

        Assert.NotNull((await core.ApiKeys.ListAsync()).Single().LastUsedAt);
    }
}
