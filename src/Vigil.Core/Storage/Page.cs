namespace Vigil.Core.Storage;

/// <summary>One page of a list and the total it was cut from (contracts §3: <c>{"items":[...],"total":N}</c>).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);
