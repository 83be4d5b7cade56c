namespace Vigil.Dashboard.Security;

/// <summary>Claim and scheme names Vigil adds to a caller's identity.</summary>
public static class VigilClaims
{
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>The policy scheme that picks the API key or the cookie per request.</summary>
    public const string SmartScheme = "Vigil";

    /// <summary><c>cookie</c> or <c>apikey</c>.</summary>
    public const string AuthenticationMethod = "vigil:auth";
}
