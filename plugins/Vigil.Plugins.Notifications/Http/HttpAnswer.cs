namespace Vigil.Plugins.Notifications.Http;

/// <summary>A successful response: its status code and body.</summary>
public sealed record HttpAnswer(int StatusCode, string Body);
