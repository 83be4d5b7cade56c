namespace Vigil.Scanning.Registry;

/// <summary>A parsed <c>WWW-Authenticate</c> challenge: the scheme and its parameters (realm, service, scope).</summary>
/// <param name="Scheme"><c>Basic</c> or <c>Bearer</c>.</param>
/// <param name="Parameters">Challenge parameters, keys lower case.</param>
public sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>Parses <c>Bearer realm="https://auth/token",service="reg",scope="repository:x:pull"</c>.</summary>
    public static AuthChallenge? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header.Trim() : header[..space];
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rest = space < 0 ? "" : header[(space + 1)..];
        var i = 0;
        while (i < rest.Length)
        {
            var equals = rest.IndexOf('=', i);
            if (equals < 0)
            {
                break;
            }

            var key = rest[i..equals].Trim().TrimStart(',').Trim();
            i = equals + 1;
            string value;
            if (i < rest.Length && rest[i] == '"')
            {
                var close = rest.IndexOf('"', i + 1);
                close = close < 0 ? rest.Length : close;
                value = rest[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                var comma = rest.IndexOf(',', i);
                comma = comma < 0 ? rest.Length : comma;
                value = rest[i..comma].Trim();
                i = comma;
            }

            parameters[key.ToLowerInvariant()] = value;
            while (i < rest.Length && rest[i] is ',' or ' ')
            {
                i++;
            }
        }

        return new AuthChallenge(scheme, parameters);
    }
}
