using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Vigil.Plugins.Notifications;

/// <summary>A JSON POST request, built afresh for each attempt.</summary>
public static class JsonPost
{
    public static HttpRequestMessage To(Uri url, JsonNode body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
    }
}
