using System.Net;
using System.Text.RegularExpressions;

namespace Vigil.Testing;

/// <summary>
/// A cookie-carrying HTTP client that signs in through the real sign-in form (antiforgery token included), for
/// tests of the form flows without a browser.
/// </summary>
public sealed partial class BrowserSession : IDisposable
{
    private BrowserSession(HttpClient http, CookieContainer cookies)
    {
        Http = http;
        Cookies = cookies;
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    public static BrowserSession For(Uri baseAddress, CookieContainer? cookies = null)
    {
        cookies ??= new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        return new BrowserSession(http, cookies);
    }

    /// <summary>Posts the sign-in form; returns the response (302 on success, 200 with an error message otherwise).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        var token = await AntiforgeryTokenAsync("/login");
        return await Http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public async Task<string> AntiforgeryTokenAsync(string path)
    {
        var html = await Http.GetStringAsync(path);
        var match = TokenInput().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    public void Dispose() => Http.Dispose();
}
