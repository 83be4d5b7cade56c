using Vigil.Dashboard.Integrations;
using Vigil.Plugins.Sdk.Cloud;

namespace Vigil.Dashboard.Cloud;

/// <summary>A node's machine as a cloud integration confirmed it.</summary>
public sealed record CloudMapping(StoredIntegration Integration, CloudInstance Instance, CloudCapabilities Capabilities)
{
    /// <summary>"prod AWS (i-0abc)": how timeline and audit name the acting connector.</summary>
    public string Via => $"{Integration.Integration.Name} ({Instance.Id})";
}
