namespace Vigil.Dashboard.Apis;

/// <summary>The list shape of contracts §3: <c>{"items":[...],"total":N}</c>.</summary>
public sealed record ItemsPage<T>(IReadOnlyList<T> Items, int Total);
