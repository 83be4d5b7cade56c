namespace Vigil.Plugins.Notifications.Jira;

/// <summary>A Jira channel's settings. <see cref="ToString"/> leaves the token out.</summary>
public sealed record JiraOptions(Uri BaseUrl, string ApiVersion, string? Email, string ApiToken, string ProjectKey, string IssueType, IReadOnlyList<string> Labels)
{
    public override string ToString() => $"{BaseUrl} {ProjectKey}";
}
