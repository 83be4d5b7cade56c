namespace Vigil.Core.Events;

/// <summary>
/// An event carrying personal data (who tried to sign in, from which address): kept for Admins in the audit log,
/// never pushed to live browser clients, where Viewers would see it.
/// </summary>
public interface IPersonalEvent;
