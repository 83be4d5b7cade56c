using System.Text.Json;
using Dapper;
using Vigil.Core.Storage;
using Vigil.Dashboard.Integrations;
using Vigil.Plugins.Sdk.Manifest;

namespace Vigil.Dashboard.Notifications;

/// <summary>Rows of <c>notification_rules</c>; input is checked (known events, severities, existing notification channels) before it is stored.</summary>
public sealed class NotificationRuleStore(IDbConnectionFactory db, IntegrationStore integrations, TimeProvider time)
{
    public const int MaxNameLength = 200;
    public const int MaxDigestMinutes = 24 * 60;

    private const string Columns =
        "id AS Id, name AS Name, enabled AS Enabled, events AS Events, min_severity AS MinSeverity, labels AS Labels, " +
        "registries AS Registries, channels AS Channels, digest_minutes AS DigestMinutes, per_finding AS PerFinding, " +
        "created_at AS CreatedAt, updated_at AS UpdatedAt, updated_by AS UpdatedBy";

    public async Task<IReadOnlyList<NotificationRule>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM notification_rules ORDER BY name", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRule()).ToArray();
    }

    public async Task<NotificationRule?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM notification_rules WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToRule();
    }

    /// <summary>Adds (<paramref name="id"/> null) or replaces a rule.</summary>
    /// <exception cref="InputValidationException">A field is invalid.</exception>
    /// <exception cref="KeyNotFoundException">No rule <paramref name="id"/>.</exception>
    public async Task<NotificationRule> SaveAsync(string? id, NotificationRuleInput input, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rule = await ValidateAsync(input, cancellationToken);
        var now = time.GetUtcNow();
        var row = new
        {
            Id = id ?? Guid.CreateVersion7().ToString("N"),
            rule.Name,
            rule.Enabled,
            Events = JsonSerializer.Serialize(rule.Events),
            rule.MinSeverity,
            Labels = JsonSerializer.Serialize(rule.Labels),
            Registries = JsonSerializer.Serialize(rule.Registries),
            Channels = JsonSerializer.Serialize(rule.Channels),
            rule.DigestMinutes,
            rule.PerFinding,
            Now = now,
            Actor = actor,
        };
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM notification_rules WHERE name = @Name AND id <> @Id", new { row.Name, row.Id }, transaction) > 0)
        {
            throw InputValidationException.For("name", $"a rule called '{rule.Name}' already exists");
        }

        var changed = id is null
            ? await connection.ExecuteAsync(
                "INSERT INTO notification_rules (id, name, enabled, events, min_severity, labels, registries, channels, digest_minutes, per_finding, created_at, updated_at, updated_by) " +
                "VALUES (@Id, @Name, @Enabled, @Events, @MinSeverity, @Labels, @Registries, @Channels, @DigestMinutes, @PerFinding, @Now, @Now, @Actor)", row, transaction)
            : await connection.ExecuteAsync(
                "UPDATE notification_rules SET name = @Name, enabled = @Enabled, events = @Events, min_severity = @MinSeverity, labels = @Labels, " +
                "registries = @Registries, channels = @Channels, digest_minutes = @DigestMinutes, per_finding = @PerFinding, updated_at = @Now, updated_by = @Actor WHERE id = @Id",
                row, transaction);
        if (changed == 0)
        {
            throw new KeyNotFoundException($"notification rule {id} does not exist");
        }

        await transaction.CommitAsync(cancellationToken);
        return (await GetAsync(row.Id, cancellationToken))!;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM notification_rules WHERE id = @id", new { id }, cancellationToken: cancellationToken)) > 0;
    }

    private async Task<NotificationRule> ValidateAsync(NotificationRuleInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
        {
            errors["name"] = [$"a name is 1-{MaxNameLength} printable characters"];
        }

        var events = (input.Events ?? []).Distinct(StringComparer.Ordinal).ToArray();
        if (events.Length == 0)
        {
            errors["events"] = ["choose at least one event"];
        }
        else if (events.Where(e => !NotificationEventKinds.All.ContainsKey(e)).ToArray() is { Length: > 0 } unknown)
        {
            errors["events"] = [$"unknown event {string.Join(", ", unknown.Select(u => $"'{u}'"))}; known: {string.Join(", ", NotificationEventKinds.All.Keys)}"];
        }

        var minSeverity = input.MinSeverity?.Trim().ToLowerInvariant() ?? "high";
        if (!Severities.Filterable.Contains(minSeverity))
        {
            errors["minSeverity"] = [$"'{input.MinSeverity}' is not one of {string.Join(", ", Severities.Filterable)}"];
        }

        var labels = (input.Labels ?? new Dictionary<string, string>()).ToDictionary(l => l.Key.Trim(), l => l.Value?.Trim() ?? "", StringComparer.Ordinal);
        if (labels.Keys.Any(k => k.Length == 0))
        {
            errors["labels"] = ["a label key cannot be empty"];
        }

        var registries = (input.Registries ?? []).Select(r => r.Trim().ToLowerInvariant()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (registries.FirstOrDefault(r => r.Contains('/', StringComparison.Ordinal) || r.Any(char.IsWhiteSpace)) is { } badRegistry)
        {
            errors["registries"] = [$"'{badRegistry}' is not a registry host (host or host:port, no path)"];
        }

        var channels = (input.Channels ?? []).Distinct(StringComparer.Ordinal).ToArray();
        if (channels.Length == 0)
        {
            errors["channels"] = ["choose at least one notification channel"];
        }
        else
        {
            var known = (await integrations.ListAsync(cancellationToken)).Where(i => i.Kind == PluginKinds.Notification).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            if (channels.Where(c => !known.Contains(c)).ToArray() is { Length: > 0 } missing)
            {
                errors["channels"] = [$"no notification channel with id {string.Join(", ", missing)}"];
            }
        }

        var digest = input.DigestMinutes ?? 0;
        if (digest is < 0 or > MaxDigestMinutes)
        {
            errors["digestMinutes"] = [$"0 (send at once) to {MaxDigestMinutes} minutes"];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        return new NotificationRule("", name, input.Enabled ?? true, events, minSeverity, labels, registries, channels, digest, input.PerFinding ?? false, default, default, "");
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public bool Enabled { get; init; }
        public string Events { get; init; } = "[]";
        public string MinSeverity { get; init; } = "high";
        public string Labels { get; init; } = "{}";
        public string Registries { get; init; } = "[]";
        public string Channels { get; init; } = "[]";
        public int DigestMinutes { get; init; }
        public bool PerFinding { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public string UpdatedBy { get; init; } = "";

        public NotificationRule ToRule() => new(
            Id, Name, Enabled,
            JsonSerializer.Deserialize<string[]>(Events) ?? [],
            MinSeverity,
            JsonSerializer.Deserialize<Dictionary<string, string>>(Labels) ?? [],
            JsonSerializer.Deserialize<string[]>(Registries) ?? [],
            JsonSerializer.Deserialize<string[]>(Channels) ?? [],
            DigestMinutes, PerFinding, CreatedAt, UpdatedAt, UpdatedBy);
    }
}
