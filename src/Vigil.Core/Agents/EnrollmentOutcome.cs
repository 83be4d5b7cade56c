namespace Vigil.Core.Agents;

/// <summary>Either an enrolled agent or the reason the token was refused.</summary>
public sealed record EnrollmentOutcome(EnrolledAgent? Agent, EnrollmentRefusal? Refusal)
{
    public static EnrollmentOutcome Refused(EnrollmentRefusal refusal) => new(null, refusal);

    /// <summary>What the operator should read: which token problem, and what to do about it.</summary>
    public string? RefusalMessage => Refusal switch
    {
        EnrollmentRefusal.Unknown => "The enrollment token is not valid. Create a new one on the Nodes page.",
        EnrollmentRefusal.Revoked => "The enrollment token was revoked. Create a new one on the Nodes page.",
        EnrollmentRefusal.Expired => "The enrollment token has expired. Create a new one on the Nodes page.",
        EnrollmentRefusal.UsedUp => "The enrollment token has already been used as often as it allows. Create a new one on the Nodes page.",
        _ => null,
    };
}
