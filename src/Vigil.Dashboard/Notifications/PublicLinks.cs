using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Vigil.Core.Configuration;

namespace Vigil.Dashboard.Notifications;

/// <summary>
/// Links from notifications back into the dashboard: under <c>Vigil:PublicUrl</c>, or, when it is not set, the
/// address the console listens on (notifications are composed in the background, where no request exists).
/// </summary>
public sealed class PublicLinks(IOptions<VigilOptions> options, IServer server)
{
    public Uri Root
    {
        get
        {
            var configured = options.Value.PublicUrl;
            var text = !string.IsNullOrWhiteSpace(configured)
                ? configured
                : server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost/";
            return new Uri(text.TrimEnd('/') + "/");
        }
    }

    public Uri Node(string nodeId) => new(Root, $"nodes/{Uri.EscapeDataString(nodeId)}");

    public Uri Scan(string scanId) => new(Root, $"scans/{Uri.EscapeDataString(scanId)}");

    public Uri Finding(string nodeId, string findingKey) => new(Root, $"nodes/{Uri.EscapeDataString(nodeId)}?finding={Uri.EscapeDataString(findingKey)}");

    public Uri Page(string path) => new(Root, path.TrimStart('/'));
}
