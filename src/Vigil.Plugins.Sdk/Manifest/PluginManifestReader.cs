using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vigil.Plugins.Sdk.Manifest;

/// <summary>Reads and validates <c>vigil-plugin.json</c>. Unknown fields are ignored so newer manifests still load.</summary>
public static partial class PluginManifestReader
{
    /// <summary>Parses a manifest.</summary>
    /// <exception cref="PluginManifestException">Not JSON, or a field is missing or invalid.</exception>
    public static PluginManifest Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new PluginManifestException($"{PluginManifest.FileName} is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new PluginManifestException($"{PluginManifest.FileName} must be a JSON object.");
            }

            var id = RequiredString(root, "id");
            if (!IdPattern().IsMatch(id))
            {
                throw new PluginManifestException($"id '{id}' must be lower-case letters, digits, '.', '-' (e.g. acme.harbor).");
            }

            SdkVersionRange sdk;
            try
            {
                sdk = SdkVersionRange.Parse(RequiredString(root, "sdk"));
            }
            catch (FormatException e)
            {
                throw new PluginManifestException(e.Message, e);
            }

            var provides = new List<ConnectorDeclaration>();
            if (root.TryGetProperty("provides", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array)
                {
                    throw new PluginManifestException("provides must be an array of connector declarations.");
                }

                foreach (var item in list.EnumerateArray())
                {
                    var declaration = ReadDeclaration(item);
                    if (provides.Any(p => p.Type == declaration.Type))
                    {
                        throw new PluginManifestException($"provides: type '{declaration.Type}' is declared twice.");
                    }

                    provides.Add(declaration);
                }
            }

            return new PluginManifest(
                id,
                RequiredString(root, "name"),
                RequiredString(root, "version"),
                sdk,
                OptionalString(root, "assembly") ?? throw new PluginManifestException("assembly is required: the file name of the plugin's main assembly."),
                OptionalString(root, "description") ?? "",
                provides);
        }
    }

    private static ConnectorDeclaration ReadDeclaration(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new PluginManifestException("provides: each entry must be an object with kind, type, name and settings.");
        }

        var type = RequiredString(item, "type");
        if (!IdPattern().IsMatch(type))
        {
            throw new PluginManifestException($"provides: type '{type}' must be lower-case letters, digits, '.', '-'.");
        }

        var kind = RequiredString(item, "kind");
        if (!PluginKinds.All.Contains(kind))
        {
            throw new PluginManifestException($"provides '{type}': kind '{kind}' is not one of {string.Join(", ", PluginKinds.All)}.");
        }

        var settings = item.TryGetProperty("settings", out var schema) ? SettingsSchemaReader.Read(schema, type) : SettingsSchema.Empty;
        return new ConnectorDeclaration(kind, type, RequiredString(item, "name"), OptionalString(item, "description") ?? "", settings);
    }

    internal static string RequiredString(JsonElement element, string name) =>
        OptionalString(element, name) ?? throw new PluginManifestException($"{name} is required and must be a non-empty string.");

    internal static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : element.TryGetProperty(name, out var wrong) && wrong.ValueKind is not (JsonValueKind.Null or JsonValueKind.String)
                ? throw new PluginManifestException($"{name} must be a string.")
                : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,99}$")]
    private static partial Regex IdPattern();
}
