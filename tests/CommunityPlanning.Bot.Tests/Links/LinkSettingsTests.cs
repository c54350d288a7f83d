using CommunityPlanning.Bot.Links;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityPlanning.Bot.Tests.Links;

/// <summary>Link-signing keys must be 256-bit keys; outside Development they are required.</summary>
public sealed class LinkSettingsTests
{
    private const string GoodKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    [Theory]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/link-signing-key-k1)", "Links:SigningKeys:k1 is a Key Vault reference that App Service could not resolve")]
    [InlineData("6f1c1c5e-2b7d-4a51-9f0e-3d1b2c4a5e6f", "Links:SigningKeys:k1 must be the base64 of 32 random bytes")]
    [InlineData("a-signing-key-that-is-long-enough-0123456789", "Links:SigningKeys:k1 must be the base64 of 32 random bytes")]
    public void Problems_KeyNotA256BitKey_Refused(string key, string message)
    {
        var problems = Options(("k1", key)).Problems(development: true);

        Assert.Contains(problems, p => p.StartsWith(message, StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_CurrentKeyIdNotAmongTheKeys_Refused() =>
        Assert.Contains(Options(("k1", GoodKey)).With("k2").Problems(development: true), p => p.StartsWith("Links:CurrentKeyId must name one of the keys", StringComparison.Ordinal));

    [Fact]
    public void Problems_KeyIdOfTheWrongShape_Refused() =>
        Assert.Contains(Options(("K 1", GoodKey)).With("K 1").Problems(development: true), p => p.Contains("key ids are 1 to 32 lower-case letters", StringComparison.Ordinal));

    [Fact]
    public void Problems_ProductionWithoutKeysOrAddress_Refused()
    {
        var problems = new LinkOptions().Problems(development: false);

        Assert.Contains(problems, p => p.StartsWith("Set Links:SigningKeys", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Set PublicBaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_DevelopmentWithoutKeys_Fine() => Assert.Empty(new LinkOptions().Problems(development: true));

    [Fact]
    public void Problems_CurrentAndPreviousKeys_Fine() =>
        Assert.Empty(Options(("k1", GoodKey), ("k2", "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=")).With("k2").Problems(development: true));

    [Fact]
    public void Start_OldMinutesSigningKeySetting_RefusedWithTheWayForward()
    {
        var error = StartRefusal.Capture(() =>
        {
            using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseEnvironment("Development");
                builder.UseSetting("Storage:ConnectionString", Azurite.ConnectionString);
                builder.UseSetting("Minutes:SigningKey", "a-signing-key-that-is-long-enough-0123456789");
            });
            factory.CreateClient();
        }).ToString();

        Assert.Contains("Minutes:SigningKey is no longer read", error, StringComparison.Ordinal);
    }

    private static LinkOptions Options(params (string Id, string Key)[] keys)
    {
        var options = new LinkOptions { CurrentKeyId = keys[0].Id };
        foreach (var (id, key) in keys)
        {
            options.SigningKeys[id] = key;
        }

        return options;
    }
}

internal static class LinkOptionsExtensions
{
    public static LinkOptions With(this LinkOptions options, string currentKeyId)
    {
        options.CurrentKeyId = currentKeyId;
        return options;
    }
}
