namespace Vigil.Core.Agents;

/// <summary>The result of creating a token: the only moment the secret <see cref="Token"/> exists outside the caller.</summary>
public sealed record CreatedEnrollmentToken(EnrollmentToken Record, string Token);
