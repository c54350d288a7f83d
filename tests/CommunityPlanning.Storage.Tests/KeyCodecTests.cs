namespace CommunityPlanning.Storage.Tests;

public sealed class KeyCodecTests
{
    [Theory]
    [InlineData("plain|key", "plain|key")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a\\b#c?d%e", "a%5Cb%23c%3Fd%25e")]
    [InlineData("line\nbreak", "line%0Abreak")]
    public void Encode_ForbiddenCharacters_AreEscaped(string raw, string expected) =>
        Assert.Equal(expected, KeyCodec.Encode(raw));

    [Theory]
    [InlineData("29:1a/b\\c#d?e%f")]
    [InlineData("ünïcödé 🙂")]
    [InlineData("\u0001\u007f\u009f")]
    public void Decode_EncodedKey_ReturnsOriginal(string raw)
    {
        var encoded = KeyCodec.Encode(raw);
        Assert.DoesNotContain(encoded, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
        Assert.Equal(raw, KeyCodec.Decode(encoded));
    }
}
