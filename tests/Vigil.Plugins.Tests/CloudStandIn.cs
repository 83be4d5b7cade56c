using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vigil.Plugins.Tests;

/// <summary>
/// Protocol stand-ins on 127.0.0.1 for the cloud credential exchanges, checking the documented request shapes: ECR's
/// SigV4-signed GetAuthorizationToken, Entra ID client credentials plus ACR's /oauth2/exchange, and Google's JWT-bearer
/// grant. It also plays the ACR/GCR registry's /v2/ endpoints, which accept only the exchanged logins. A request of
/// the wrong shape gets 400 with the reason, which the connection test then reports.
/// </summary>
public sealed class CloudStandIn : IAsyncDisposable
{
    public const string AwsKeyId = "AKIDSTANDIN";
    public const string AwsSecret = "aws-secret-standin";
    public const string Region = "eu-west-1";
    public const string Tenant = "tenant-1";
    public const string ClientId = "client-1";
    public const string ClientSecret = "client-secret-standin";
    private const string AadToken = "aad-access-token";
    private const string AcrRefresh = "acr-refresh-token";
    private const string GcpToken = "gcp-access-token";

    private readonly WebApplication _app;

    private CloudStandIn(WebApplication app, RSA googleKey)
    {
        _app = app;
        GoogleKey = googleKey;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Host = new Uri(address).Authority;
    }

    /// <summary><c>127.0.0.1:PORT</c>.</summary>
    public string Host { get; }

    public RSA GoogleKey { get; }

    public string Url(string path) => $"http://{Host}{path}";

    /// <summary>A Google service account key whose token_uri is this stand-in.</summary>
    public string ServiceAccountKey => JsonSerializer.Serialize(new
    {
        type = "service_account",
        client_email = "scanner@project.iam.example",
        private_key = GoogleKey.ExportPkcs8PrivateKeyPem(),
        token_uri = Url("/google/token"),
    });

    /// <param name="ecrUser">User name ECR's token carries.</param>
    /// <param name="ecrPassword">Password ECR's token carries (the registry fixture's).</param>
    public static async Task<CloudStandIn> StartAsync(string ecrUser, string ecrPassword)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var google = RSA.Create(2048);
        app.MapPost("/ecr/", (HttpRequest request) => Ecr(request, ecrUser, ecrPassword));
        app.MapPost("/entra/{tenant}/oauth2/v2.0/token", (string tenant, HttpRequest request) => Entra(tenant, request));
        app.MapPost("/oauth2/exchange", (HttpRequest request) => AcrExchange(request));
        app.MapPost("/google/token", (HttpRequest request) => Google(request, google));
        app.MapGet("/v2/", (HttpRequest request) => Registry(request, null));
        app.MapGet("/v2/_catalog", (HttpRequest request) => Registry(request, new { repositories = new[] { "cloud/app" } }));
        await app.StartAsync();
        return new CloudStandIn(app, google);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        GoogleKey.Dispose();
    }

    private static async Task<IResult> Ecr(HttpRequest request, string user, string password)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        if (request.Headers["X-Amz-Target"] != "AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken")
        {
            return Results.BadRequest("wrong X-Amz-Target");
        }

        if (request.ContentType != "application/x-amz-json-1.1")
        {
            return Results.BadRequest("wrong content type");
        }

        var expected = SigV4Signature(request, body);
        var authorization = request.Headers.Authorization.ToString();
        return authorization != expected
            ? Results.Json(new { __type = "InvalidSignatureException", message = $"expected {expected}, got {authorization}" }, statusCode: 403)
            : Results.Json(new
            {
                authorizationData = new[]
                {
                    new { authorizationToken = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")), expiresAt = DateTimeOffset.UtcNow.AddHours(12).ToUnixTimeSeconds(), proxyEndpoint = "https://registry" },
                },
            });
    }

    /// <summary>The Authorization header AWS would compute, written from AWS's SigV4 documentation independently of the plugin.</summary>
    private static string SigV4Signature(HttpRequest request, byte[] body)
    {
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (amzDate.Length != 16)
        {
            return "missing X-Amz-Date";
        }

        var signed = new[] { "content-type", "host", "x-amz-date", "x-amz-target" };
        var canonicalHeaders = string.Concat(signed.Select(h => $"{h}:{request.Headers[h].ToString().Trim()}\n"));
        var canonical = $"POST\n{request.Path}\n\n{canonicalHeaders}\n{string.Join(';', signed)}\n{Convert.ToHexStringLower(SHA256.HashData(body))}";
        var date = amzDate[..8];
        var scope = $"{date}/{Region}/ecr/aws4_request";
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        byte[] key = Encoding.UTF8.GetBytes("AWS4" + AwsSecret);
        foreach (var part in new[] { date, Region, "ecr", "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
        return $"AWS4-HMAC-SHA256 Credential={AwsKeyId}/{scope}, SignedHeaders={string.Join(';', signed)}, Signature={signature}";
    }

    private static async Task<IResult> Entra(string tenant, HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        return tenant == Tenant && form["grant_type"] == "client_credentials" && form["client_id"] == ClientId
            && form["client_secret"] == ClientSecret && form["scope"] == "https://management.azure.com/.default"
            ? Results.Json(new { token_type = "Bearer", expires_in = 3599, access_token = AadToken })
            : Results.Json(new { error = "invalid_client" }, statusCode: 401);
    }

    private static async Task<IResult> AcrExchange(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        return form["grant_type"] == "access_token" && form["service"] == request.Host.Value && form["tenant"] == Tenant && form["access_token"] == AadToken
            ? Results.Json(new { refresh_token = AcrRefresh })
            : Results.BadRequest($"bad exchange: {string.Join("&", form.Select(f => f.Key))}");
    }

    private static async Task<IResult> Google(HttpRequest request, RSA key)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer")
        {
            return Results.BadRequest("wrong grant_type");
        }

        var parts = form["assertion"].ToString().Split('.');
        if (parts.Length != 3 || !key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return Results.BadRequest("assertion is not signed with the service account's key");
        }

        using var claims = JsonDocument.Parse(FromBase64Url(parts[1]));
        var c = claims.RootElement;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return c.GetProperty("iss").GetString() == "scanner@project.iam.example"
            && c.GetProperty("aud").GetString() == $"http://{request.Host}/google/token"
            && c.GetProperty("scope").GetString() == "https://www.googleapis.com/auth/cloud-platform"
            && c.GetProperty("iat").GetInt64() <= now + 60 && c.GetProperty("exp").GetInt64() > now
            ? Results.Json(new { access_token = GcpToken, expires_in = 3599, token_type = "Bearer" })
            : Results.BadRequest($"wrong claims: {c.GetRawText()}");
    }

    private static IResult Registry(HttpRequest request, object? body)
    {
        var header = request.Headers.Authorization.ToString();
        var accepted = new[] { $"00000000-0000-0000-0000-000000000000:{AcrRefresh}", $"oauth2accesstoken:{GcpToken}" }
            .Select(l => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(l)));
        if (!accepted.Contains(header))
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"stand-in\"";
            return Results.StatusCode(401);
        }

        return Results.Json(body ?? new { });
    }

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }

}
