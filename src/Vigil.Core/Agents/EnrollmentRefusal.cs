namespace Vigil.Core.Agents;

/// <summary>Why an enrollment token was refused; each has a message that tells the operator what to do.</summary>
public enum EnrollmentRefusal
{
    Unknown,
    Revoked,
    Expired,
    UsedUp,
}
