using System.Text;

namespace Vigil.Scanning.Purls;

/// <summary>
/// Percent-encoding as the purl specification wants it: every byte of the UTF-8 form except the unreserved
/// characters is encoded. ':' stays literal everywhere (versions such as <c>1:2.3</c> and names such as
/// <c>URI::PackageURL</c> read better and every implementation accepts it); '/' stays literal in qualifier values
/// (URLs), and nowhere else.
/// </summary>
internal static class PurlPercentEncoding
{
    private const string Hex = "0123456789ABCDEF";

    public static string Encode(string value, bool keepSlash = false)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (IsUnreserved(c) || c == ':' || (keepSlash && c == '/'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Decodes %XX sequences as UTF-8; a malformed escape is a format error, not silently kept.</summary>
    public static string Decode(string value, string purl)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length || !IsHex(value[i + 1]) || !IsHex(value[i + 2]))
                {
                    throw new PackageUrlFormatException(purl, $"malformed percent escape in '{value}'");
                }

                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsUnreserved(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-' or '_' or '~';

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
