using System.Text.Json;

namespace Vigil.Workflows.Runtime;

/// <summary>A bookmark being resumed, and the payload of the event that resumed it.</summary>
/// <param name="Bookmark">The bookmark.</param>
/// <param name="Payload">The event's payload.</param>
public sealed record ResumeSignal(BookmarkRef Bookmark, JsonElement? Payload);
