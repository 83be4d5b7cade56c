namespace Vigil.Testing;

/// <summary>How a test dashboard starts.</summary>
public sealed record DashboardOptions
{
    /// <summary>Create the bootstrap Admin and Admin API key (headless first start). Off for set-up tests.</summary>
    public bool Bootstrap { get; init; } = true;

    /// <summary>Extra configuration, e.g. <c>["Vigil:Feeds:Sources:0"] = path</c>.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}
