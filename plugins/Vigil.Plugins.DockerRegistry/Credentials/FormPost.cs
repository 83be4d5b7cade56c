using System.Text.Json;

namespace Vigil.Plugins.DockerRegistry.Credentials;

/// <summary>An OAuth-style form POST that answers JSON, with failures as one-line <see cref="Vigil.Plugins.Sdk.Registries.RegistryException"/>s.</summary>
internal static class FormPost
{
    public static async Task<JsonDocument> SendAsync(HttpClient http, Uri url, IEnumerable<KeyValuePair<string, string>> form, string what, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(form);
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(url, content, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw ExchangeException.Unreachable(what, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await ExchangeException.FromAsync(what, response, cancellationToken);
            }

            try
            {
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            }
            catch (JsonException ex)
            {
                throw new Vigil.Plugins.Sdk.Registries.RegistryException($"{what} answered something other than JSON", ex);
            }
        }
    }

    public static string RequiredString(JsonDocument document, string property, string what) =>
        document.RootElement.TryGetProperty(property, out var value) && value.GetString() is { Length: > 0 } text
            ? text
            : throw new Vigil.Plugins.Sdk.Registries.RegistryException($"{what} returned no {property}");
}
