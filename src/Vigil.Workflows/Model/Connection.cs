namespace Vigil.Workflows.Model;

/// <summary>An edge of the graph: when <paramref name="Source"/> completes with <paramref name="SourceOutcome"/>, <paramref name="Target"/> runs.</summary>
/// <param name="Source">Source activity id.</param>
/// <param name="SourceOutcome">Outcome name of the source.</param>
/// <param name="Target">Target activity id.</param>
public sealed record Connection(string Source, string SourceOutcome, string Target);
