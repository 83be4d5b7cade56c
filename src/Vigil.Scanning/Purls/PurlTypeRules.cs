namespace Vigil.Scanning.Purls;

/// <summary>
/// The per-type rules of the purl specification's type list that change a purl's canonical form (case folding,
/// PyPI name normalisation) or make it invalid (required namespace, version or qualifier).
/// </summary>
internal static class PurlTypeRules
{
    public static (string? Namespace, string Name, string? Version) Normalize(
        string type, string? ns, string name, string? version, IReadOnlyDictionary<string, string> qualifiers)
    {
        switch (type)
        {
            case "bitbucket" or "github" or "composer" or "apk" or "alpm" or "hex" or "deb":
                return (ns?.ToLowerInvariant(), name.ToLowerInvariant(), version);
            case "pypi":
                // PEP 503: names compare case-insensitively with runs of '-', '_' and '.' equal.
                return (ns, NormalizePypiName(name), version);
            case "huggingface":
                return (ns, name, version?.ToLowerInvariant());
            case "mlflow":
                // Databricks' MLflow registry is case-insensitive; Azure ML's is not.
                var url = qualifiers.GetValueOrDefault("repository_url");
                return url is not null && url.Contains("databricks", StringComparison.OrdinalIgnoreCase)
                    ? (ns, name.ToLowerInvariant(), version)
                    : (ns, name, version);
            default:
                return (ns, name, version);
        }
    }

    /// <summary>Returns why the purl breaks a type rule, or null when it is valid.</summary>
    public static string? Violation(string type, string? ns, string name, string? version, IReadOnlyDictionary<string, string> qualifiers)
    {
        switch (type)
        {
            case "maven" when ns is null:
                return "maven purls need a namespace (the group id)";
            case "conan" when (ns is null) != !qualifiers.ContainsKey("channel"):
                return "conan purls have a namespace (user) exactly when they have a channel qualifier";
            case "cran" when version is null:
                return "cran purls need a version";
            case "swift" when ns is null || version is null:
                return "swift purls need a namespace and a version";
            case "cpan" when ns is null && name.Contains('-', StringComparison.Ordinal):
                return "a cpan purl without namespace names a module, which has no '-'";
            case "cpan" when ns is not null && name.Contains("::", StringComparison.Ordinal):
                return "a cpan purl with a namespace names a distribution, which has no '::'";
            default:
                return null;
        }
    }

    /// <summary>PEP 503 normalised form: lower case, runs of '-', '_', '.' become one '-'.</summary>
    public static string NormalizePypiName(string name)
    {
        var chars = new System.Text.StringBuilder(name.Length);
        var lastWasSeparator = false;
        foreach (var c in name)
        {
            if (c is '-' or '_' or '.')
            {
                if (!lastWasSeparator)
                {
                    chars.Append('-');
                }

                lastWasSeparator = true;
            }
            else
            {
                chars.Append(char.ToLowerInvariant(c));
                lastWasSeparator = false;
            }
        }

        return chars.ToString();
    }
}
