using System.Security.Cryptography;
using System.Text;

namespace Vigil.Core.Accounts;

/// <summary>
/// Generates and hashes API keys (and the other random secrets: enrollment tokens, agent credentials). Keys are 256 random bits, so a fast SHA-256 is as strong as a slow password hash
/// and keeps every API request cheap.
/// </summary>
public static class ApiKeySecret
{
    public const string Marker = "vgl_";

    public static string Generate() => Generate(Marker);

    /// <summary>A new secret starting with <paramref name="marker"/>, so a leaked secret says what kind it is.</summary>
    public static string Generate(string marker) => marker + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string PrefixOf(string key) => key.Length <= 12 ? key[..Math.Min(4, key.Length)] : key[..12];

    /// <summary>Constant-time comparison of two hex hashes.</summary>
    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
