namespace Vigil.Plugins.Sdk;

/// <summary>The version of the plugin SDK contract; a plugin's manifest names the range it was built for.</summary>
public static class SdkVersion
{
    /// <summary>Current SDK version. The major part changes only with a breaking contract change.</summary>
    public static readonly Version Current = new(1, 0, 0);
}
