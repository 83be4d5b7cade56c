using Vigil.Plugins.Sdk.Connectors;

namespace Vigil.Plugins.DockerRegistry;

/// <summary>The connector's settings, typed and checked beyond what the manifest's schema can say.</summary>
internal sealed record RegistrySettings(
    RegistryFlavour Flavour,
    string Registry,
    bool Insecure,
    string? Username,
    string? Password,
    IReadOnlyList<string> Repositories,
    TagFilter Tags)
{
    public static RegistrySettings From(ConnectorSettings settings)
    {
        var flavourName = settings.GetString("flavour") ?? "generic";
        if (!Enum.TryParse<RegistryFlavour>(flavourName, ignoreCase: true, out var flavour))
        {
            throw new ConnectorSettingsException("flavour", $"'{flavourName}' is not a registry type this plugin knows");
        }

        var repositories = settings.GetStringList("repositories");
        foreach (var repository in repositories.Where(r => !IsRepositoryName(r)))
        {
            throw new ConnectorSettingsException("repositories", $"'{repository}' is not a repository name (lower-case path such as team/api)");
        }

        if (repositories.Count == 0 && flavour is RegistryFlavour.DockerHub or RegistryFlavour.GitLab or RegistryFlavour.Quay)
        {
            throw new ConnectorSettingsException("repositories", $"{flavour} does not offer a catalog: list the repositories to scan");
        }

        var username = settings.GetString("username");
        var password = settings.GetString("password");
        if ((username is null) != (password is null) && flavour is not (RegistryFlavour.Ecr or RegistryFlavour.Gcr or RegistryFlavour.Acr))
        {
            throw new ConnectorSettingsException(username is null ? "username" : "password", "user name and password go together");
        }

        return new RegistrySettings(
            flavour,
            settings.GetRequiredString("registry"),
            settings.GetBoolean("insecure", false),
            username,
            password,
            repositories,
            TagFilter.From(settings));
    }

    /// <summary>The distribution spec's repository name grammar (path components of lower-case alphanumerics and separators).</summary>
    public static bool IsRepositoryName(string name) =>
        name.Length is > 0 and <= 255
        && name.Split('/').All(part => part.Length > 0
            && (char.IsAsciiLetterLower(part[0]) || char.IsAsciiDigit(part[0]))
            && part.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-'));
}
