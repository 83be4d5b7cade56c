namespace Vigil.Core.Accounts;

/// <summary>The result of creating a key: the only moment the secret <see cref="Key"/> exists outside the caller.</summary>
public sealed record CreatedApiKey(ApiKey Record, string Key);
