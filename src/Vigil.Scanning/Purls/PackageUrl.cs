using System.Text;

namespace Vigil.Scanning.Purls;

/// <summary>
/// A package URL (<c>pkg:type/namespace/name@version?qualifiers#subpath</c>) as the purl specification defines it.
/// Construction normalises per type (see <see cref="PurlTypeRules"/>); <see cref="ToString"/> gives the canonical
/// form with qualifiers sorted by key and components percent-encoded.
/// </summary>
public sealed class PackageUrl : IEquatable<PackageUrl>
{
    /// <summary>Builds a purl from its parts, validating and normalising them as <see cref="Parse"/> would.</summary>
    /// <exception cref="PackageUrlFormatException">The parts break a rule of the specification.</exception>
    public PackageUrl(
        string type,
        string? @namespace,
        string name,
        string? version = null,
        IEnumerable<KeyValuePair<string, string>>? qualifiers = null,
        string? subpath = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(name);
        var display = $"pkg:{type}/{@namespace}/{name}";
        Type = type.ToLowerInvariant();
        if (!IsValidType(Type))
        {
            throw new PackageUrlFormatException(display, $"type '{type}' must be ASCII letters, digits, '.', '+' or '-' and not start with a digit");
        }

        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in qualifiers ?? [])
        {
            var lowered = key.ToLowerInvariant();
            if (!IsValidQualifierKey(lowered))
            {
                throw new PackageUrlFormatException(display, $"qualifier key '{key}' must be ASCII letters, digits, '.', '-' or '_'");
            }

            // The specification drops qualifiers with an empty value rather than keeping "key=".
            if (!string.IsNullOrEmpty(value))
            {
                sorted[lowered] = value;
            }
        }

        var ns = string.IsNullOrEmpty(@namespace) ? null : string.Join('/', @namespace.Split('/', StringSplitOptions.RemoveEmptyEntries));
        if (string.IsNullOrEmpty(name))
        {
            throw new PackageUrlFormatException(display, "name is required");
        }

        var normalized = PurlTypeRules.Normalize(Type, string.IsNullOrEmpty(ns) ? null : ns, name, string.IsNullOrEmpty(version) ? null : version, sorted);
        var violation = PurlTypeRules.Violation(Type, normalized.Namespace, normalized.Name, normalized.Version, sorted);
        if (violation is not null)
        {
            throw new PackageUrlFormatException(display, violation);
        }

        Namespace = normalized.Namespace;
        Name = normalized.Name;
        Version = normalized.Version;
        Qualifiers = sorted;
        Subpath = NormalizeSubpath(subpath);
    }

    /// <summary>Package type, lower case (<c>deb</c>, <c>npm</c>, <c>maven</c>, ...).</summary>
    public string Type { get; }

    /// <summary>Namespace with '/'-separated segments (npm scope with its '@', maven group id, distro vendor), or null.</summary>
    public string? Namespace { get; }

    /// <summary>Package name.</summary>
    public string Name { get; }

    /// <summary>Version, verbatim, or null.</summary>
    public string? Version { get; }

    /// <summary>Qualifiers keyed by lower-case key, sorted; never holds empty values.</summary>
    public IReadOnlyDictionary<string, string> Qualifiers { get; }

    /// <summary>Path inside the package, without leading or trailing '/'; or null. The canonical form omits '.' and '..' segments.</summary>
    public string? Subpath { get; }

    /// <summary>Parses <paramref name="purl"/> with the specification's parsing rules.</summary>
    /// <exception cref="PackageUrlFormatException">The string is not a valid purl.</exception>
    public static PackageUrl Parse(string purl)
    {
        ArgumentNullException.ThrowIfNull(purl);
        var remainder = purl.Trim();

        string? subpath = null;
        var hash = remainder.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            // '.' and '..' are dropped as written; an encoded "%2E%2E" decodes to a literal segment the canonical form then omits.
            subpath = string.Join('/', remainder[(hash + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Where(segment => segment is not "." and not "..")
                .Select(segment => PurlPercentEncoding.Decode(segment, purl)));
            remainder = remainder[..hash];
        }

        var qualifiers = new List<KeyValuePair<string, string>>();
        var question = remainder.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            foreach (var pair in remainder[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    throw new PackageUrlFormatException(purl, $"qualifier '{pair}' is not key=value");
                }

                qualifiers.Add(new(pair[..equals], PurlPercentEncoding.Decode(pair[(equals + 1)..], purl)));
            }

            remainder = remainder[..question];
        }

        var colon = remainder.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !remainder[..colon].Equals("pkg", StringComparison.OrdinalIgnoreCase))
        {
            throw new PackageUrlFormatException(purl, "scheme must be 'pkg:'");
        }

        // "pkg://type/..." and "pkg:/type/..." are tolerated: the specification strips leading slashes.
        remainder = remainder[(colon + 1)..].Trim('/');
        var slash = remainder.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new PackageUrlFormatException(purl, "a type and a name are required");
        }

        var type = remainder[..slash];
        remainder = remainder[(slash + 1)..];

        string? version = null;
        var at = remainder.LastIndexOf('@');
        if (at >= 0)
        {
            version = PurlPercentEncoding.Decode(remainder[(at + 1)..], purl);
            remainder = remainder[..at];
        }

        var lastSlash = remainder.LastIndexOf('/');
        var name = PurlPercentEncoding.Decode(remainder[(lastSlash + 1)..], purl);
        string? ns = null;
        if (lastSlash > 0)
        {
            ns = string.Join('/', remainder[..lastSlash].Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Select(segment => PurlPercentEncoding.Decode(segment, purl)));
        }

        try
        {
            return new PackageUrl(type, ns, name, version, qualifiers, subpath);
        }
        catch (PackageUrlFormatException e)
        {
            throw new PackageUrlFormatException(purl, e.Reason);
        }
    }

    /// <summary>Parses without throwing; false for any invalid input.</summary>
    public static bool TryParse(string? purl, out PackageUrl? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(purl))
        {
            return false;
        }

        try
        {
            result = Parse(purl);
            return true;
        }
        catch (PackageUrlFormatException)
        {
            return false;
        }
    }

    /// <summary>The same purl without qualifiers and subpath: the identity the matcher keys findings on.</summary>
    public PackageUrl WithoutQualifiers() => new(Type, Namespace, Name, Version);

    /// <summary>Canonical form.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder("pkg:").Append(Type).Append('/');
        if (Namespace is not null)
        {
            foreach (var segment in Namespace.Split('/'))
            {
                builder.Append(PurlPercentEncoding.Encode(segment)).Append('/');
            }
        }

        builder.Append(PurlPercentEncoding.Encode(Name));
        if (Version is not null)
        {
            builder.Append('@').Append(PurlPercentEncoding.Encode(Version));
        }

        var separator = '?';
        foreach (var (key, value) in Qualifiers)
        {
            builder.Append(separator).Append(key).Append('=').Append(PurlPercentEncoding.Encode(value, keepSlash: true));
            separator = '&';
        }

        if (Subpath is not null)
        {
            var segments = Subpath.Split('/').Where(s => s is not "." and not "..").Select(s => PurlPercentEncoding.Encode(s)).ToArray();
            if (segments.Length > 0)
            {
                builder.Append('#').Append(string.Join('/', segments));
            }
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public bool Equals(PackageUrl? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PackageUrl);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    private static string? NormalizeSubpath(string? subpath)
    {
        if (string.IsNullOrEmpty(subpath))
        {
            return null;
        }

        var segments = subpath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length == 0 ? null : string.Join('/', segments);
    }

    private static bool IsValidType(string type) =>
        type.Length > 0 && !char.IsAsciiDigit(type[0]) && type.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '-');

    private static bool IsValidQualifierKey(string key) =>
        key.Length > 0 && !char.IsAsciiDigit(key[0]) && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_');
}
