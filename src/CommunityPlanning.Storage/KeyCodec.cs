using System.Text;

namespace CommunityPlanning.Storage;

/// <summary>
/// Makes record keys safe for Table Storage keys, reversibly: <c>/ \ # ?</c>, <c>%</c> and control
/// characters become <c>%XX</c> (UTF-8 bytes). Everything else, unicode included, is kept.
/// </summary>
public static class KeyCodec
{
    /// <summary>The longest encoded key we write (the service allows 1 KiB).</summary>
    public const int MaxLength = 512;

    /// <summary>Encodes a key.</summary>
    public static string Encode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Any(NeedsEscape))
        {
            return key;
        }

        var output = new StringBuilder(key.Length + 16);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (!NeedsEscape(c))
            {
                output.Append(c);
                continue;
            }

            var count = Encoding.UTF8.GetBytes(key.AsSpan(i, 1), bytes);
            for (var b = 0; b < count; b++)
            {
                output.Append('%').Append(bytes[b].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return output.ToString();
    }

    /// <summary>Decodes a key written by <see cref="Encode"/>.</summary>
    public static string Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        return encoded.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(encoded) : encoded;
    }

    private static bool NeedsEscape(char c) =>
        c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}
