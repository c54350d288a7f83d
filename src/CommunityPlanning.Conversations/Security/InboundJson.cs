using System.Text.Json;
using System.Text.Unicode;

namespace CommunityPlanning.Conversations.Security;

/// <summary>
/// The first check on an inbound JSON body, before any field is read: well-formed UTF-8, well-formed JSON
/// nested at most 64 deep, and every string (names and values) decodable, so no later read of a field can
/// throw on the text itself (raw invalid UTF-8, or an escaped lone surrogate such as <c>"\uD800"</c>). A
/// body that fails is refused whole with a 400 rather than half-read.
/// </summary>
public static class InboundJson
{
    /// <summary>The deepest nesting accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>True when <paramref name="utf8"/> is JSON every part of which can be read.</summary>
    public static bool IsReadable(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty || !Utf8.IsValid(utf8))
        {
            return false;
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    _ = reader.GetString();
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // GetString: the escaped text does not make valid UTF-16 (a lone surrogate).
            return false;
        }
    }
}
