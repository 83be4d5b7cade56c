using System.Text.Json;

namespace Vigil.Dashboard.Policies;

/// <summary>A named policy as listed: its JSON body (contracts §7) and who changed it last.</summary>
public sealed record StoredPolicy(string Name, JsonElement Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string UpdatedBy);
