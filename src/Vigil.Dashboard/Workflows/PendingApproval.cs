using System.Text.Json;

namespace Vigil.Dashboard.Workflows;

/// <summary>An Approval activity waiting for a person: <see cref="Id"/> is the bookmark the decision resumes.</summary>
public sealed record PendingApproval(string Id, string InstanceId, string DefinitionId, string ActivityId, string? Title, string? Message, DateTimeOffset RequestedAt)
{
    public static PendingApproval From(Vigil.Workflows.Persistence.StoredBookmark bookmark, string definitionId)
    {
        string? title = null, message = null;
        if (bookmark.PayloadJson is { } json)
        {
            using var document = JsonDocument.Parse(json);
            title = Text(document.RootElement, "title");
            message = Text(document.RootElement, "message");
        }

        return new PendingApproval(bookmark.Id, bookmark.InstanceId, definitionId, bookmark.ActivityId, title, message, bookmark.CreatedAt);
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
