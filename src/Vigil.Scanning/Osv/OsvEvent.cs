namespace Vigil.Scanning.Osv;

/// <summary>One range event.</summary>
/// <param name="Kind">Which of the four events it is.</param>
/// <param name="Version">Its version (for <c>introduced</c>, <c>"0"</c> means "from the start").</param>
public sealed record OsvEvent(OsvEventKind Kind, string Version);
