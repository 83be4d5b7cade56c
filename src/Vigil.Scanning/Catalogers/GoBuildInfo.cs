namespace Vigil.Scanning.Catalogers;

/// <summary>The build information the Go linker embeds in a binary: toolchain version and module graph.</summary>
/// <param name="GoVersion">Toolchain version, e.g. <c>go1.19.8</c>.</param>
/// <param name="MainModule">The main module path, e.g. <c>example.com/app</c>, or null.</param>
/// <param name="MainVersion">The main module's version (<c>(devel)</c> for local builds), or null.</param>
/// <param name="Dependencies">Dependency modules after <c>=&gt;</c> replacements, as (path, version).</param>
public sealed record GoBuildInfo(string GoVersion, string? MainModule, string? MainVersion, IReadOnlyList<(string Path, string Version)> Dependencies);
