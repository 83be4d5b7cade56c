namespace Vigil.Plugins.Sdk;

/// <summary>
/// The version of the plugin SDK contract; a plugin's manifest names the range it was built for (<c>"sdk": "^1.0"</c>).
/// </summary>
/// <remarks>
/// Versioning policy (semantic versioning of the contract, not of the console):
/// <list type="bullet">
/// <item><b>Major</b> changes only when an existing contract changes incompatibly (a member removed or its meaning
/// changed). The console refuses a plugin whose range excludes the current major version, with a clear error.</item>
/// <item><b>Minor</b> adds types or members that old plugins do not need (a new optional host service, a new record
/// property with a default). A plugin built against 1.2 runs on any 1.x console with x ≥ 2.</item>
/// <item><b>Patch</b> is documentation or a bug fix in the SDK's own helpers.</item>
/// </list>
/// Members are never added to an interface a plugin implements within one major version; such additions come as new
/// optional interfaces.
/// </remarks>
public static class SdkVersion
{
    /// <summary>Current SDK version. 1.1 added page actions (<see cref="Connectors.IConnectorActions"/>).</summary>
    public static readonly Version Current = new(1, 1, 0);
}
