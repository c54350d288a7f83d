using System.Web;
using CommunityPlanning.Bot.Links;

namespace CommunityPlanning.Bot.Tests.Links;

public sealed class LinkSignerTests
{
    private static readonly byte[] KeyOne = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] KeyTwo = Enumerable.Range(32, 32).Select(i => (byte)i).ToArray();
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 10, 0, 0, TimeSpan.Zero);
    private static readonly Uri BaseUrl = new("https://planbot.example.org");
    private const string Path = "/minutes/g1/m1.md";

    [Fact]
    public void Check_LinkJustSigned_IsValid()
    {
        var signer = Signer(("k1", KeyOne));
        var link = signer.Sign(Path, "minutes", Now.AddDays(7));

        Assert.Equal("https://planbot.example.org" + Path, link.GetLeftPart(UriPartial.Path));
        Assert.Equal(LinkCheck.Valid, CheckLink(signer, link, Path, "minutes", Now));
    }

    [Fact]
    public void Check_AfterExpiry_IsExpired() =>
        Assert.Equal(LinkCheck.Expired, CheckLink(Signer(("k1", KeyOne)), Signer(("k1", KeyOne)).Sign(Path, "minutes", Now), Path, "minutes", Now.AddSeconds(1)));

    [Fact]
    public void Check_SignedForAnotherPurpose_IsForged()
    {
        var signer = Signer(("k1", KeyOne));

        Assert.Equal(LinkCheck.Forged, CheckLink(signer, signer.Sign(Path, "export", Now.AddDays(1)), Path, "minutes", Now));
    }

    [Fact]
    public void Check_SignedForAnotherPath_IsForged()
    {
        var signer = Signer(("k1", KeyOne));

        Assert.Equal(LinkCheck.Forged, CheckLink(signer, signer.Sign("/minutes/g2/m1.md", "minutes", Now.AddDays(1)), Path, "minutes", Now));
    }

    [Fact]
    public void Check_ExpiryOrKeyIdChanged_IsForged()
    {
        var signer = Signer(("k1", KeyOne), ("k2", KeyTwo));
        var query = HttpUtility.ParseQueryString(signer.Sign(Path, "minutes", Now.AddDays(1)).Query);
        var later = (Now.AddDays(30).ToUnixTimeSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(LinkCheck.Forged, signer.Check(Path, "minutes", later, query["kid"], query["sig"], Now));
        Assert.Equal("k2", query["kid"]);
        Assert.Equal(LinkCheck.Forged, signer.Check(Path, "minutes", query["expires"], "k1", query["sig"], Now));
        Assert.Equal(LinkCheck.Forged, signer.Check(Path, "minutes", query["expires"], null, query["sig"], Now));
        Assert.Equal(LinkCheck.Forged, signer.Check(Path, "minutes", query["expires"], query["kid"], query["sig"]![..^2], Now));
        Assert.Equal(LinkCheck.Forged, signer.Check(Path, "minutes", query["expires"], query["kid"], "not base64 at all!", Now));
        Assert.Equal(LinkCheck.Forged, signer.Check(Path, "minutes", "-1", query["kid"], query["sig"], Now));
    }

    [Fact]
    public void Check_SignedByPreviousKeyAfterRotation_StillValid()
    {
        var before = Signer(("k1", KeyOne));
        var link = before.Sign(Path, "minutes", Now.AddDays(7));
        var after = new LinkSigner(new Dictionary<string, byte[]> { ["k1"] = KeyOne, ["k2"] = KeyTwo }, "k2", BaseUrl);

        Assert.Equal(LinkCheck.Valid, CheckLink(after, link, Path, "minutes", Now));
        Assert.Contains("kid=k2", after.Sign(Path, "minutes", Now.AddDays(7)).Query, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_KeyRetired_IsForged()
    {
        var link = Signer(("k1", KeyOne)).Sign(Path, "minutes", Now.AddDays(7));

        Assert.Equal(LinkCheck.Forged, CheckLink(Signer(("k2", KeyTwo)), link, Path, "minutes", Now));
    }

    [Fact]
    public void Check_SameIdDifferentKey_IsForged()
    {
        var link = Signer(("k1", KeyOne)).Sign(Path, "minutes", Now.AddDays(7));

        Assert.Equal(LinkCheck.Forged, CheckLink(Signer(("k1", KeyTwo)), link, Path, "minutes", Now));
    }

    [Fact]
    public void Constructor_KeyNot256Bits_Throws() =>
        Assert.Throws<ArgumentException>(() => new LinkSigner(new Dictionary<string, byte[]> { ["k1"] = new byte[16] }, "k1", BaseUrl));

    [Fact]
    public void Constructor_CurrentKeyNotAmongTheKeys_Throws() =>
        Assert.Throws<ArgumentException>(() => new LinkSigner(new Dictionary<string, byte[]> { ["k1"] = KeyOne }, "k2", BaseUrl));

    private static LinkSigner Signer(params (string Id, byte[] Key)[] keys) =>
        new(keys.ToDictionary(k => k.Id, k => k.Key), keys[^1].Id, BaseUrl);

    private static LinkCheck CheckLink(LinkSigner signer, Uri link, string path, string purpose, DateTimeOffset now)
    {
        var query = HttpUtility.ParseQueryString(link.Query);
        return signer.Check(path, purpose, query["expires"], query["kid"], query["sig"], now);
    }
}
