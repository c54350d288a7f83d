using CommunityPlanning.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityPlanning.Bot.Tests.Links;

/// <summary>The host refuses to start with link-signing keys that are not 256-bit keys, or with none outside Development.</summary>
public sealed class LinkSettingsTests
{
    private const string GoodKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    [Theory]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/link-signing-key-k1)", "Links:SigningKeys:k1 is a Key Vault reference that App Service could not resolve")]
    [InlineData("6f1c1c5e-2b7d-4a51-9f0e-3d1b2c4a5e6f", "Links:SigningKeys:k1 must be the base64 of 32 random bytes")]
    [InlineData("a-signing-key-that-is-long-enough-0123456789", "Links:SigningKeys:k1 must be the base64 of 32 random bytes")]
    public void Start_KeyNotA256BitKey_Refused(string key, string message)
    {
        var error = StartFails(("Links:SigningKeys:k1", key), ("Links:CurrentKeyId", "k1"));

        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_CurrentKeyIdNotAmongTheKeys_Refused() =>
        Assert.Contains("Links:CurrentKeyId must name one of the keys", StartFails(("Links:SigningKeys:k1", GoodKey), ("Links:CurrentKeyId", "k2")), StringComparison.Ordinal);

    [Fact]
    public void Start_OldMinutesSigningKeySetting_RefusedWithTheWayForward() =>
        Assert.Contains("Minutes:SigningKey is no longer read", StartFails(("Links:SigningKeys:k1", GoodKey), ("Links:CurrentKeyId", "k1"), ("Minutes:SigningKey", "a-signing-key-that-is-long-enough-0123456789")), StringComparison.Ordinal);

    [Fact]
    public void Start_ProductionWithoutKeys_Refused() =>
        Assert.Contains("Set Links:SigningKeys", StartFails(environment: "Production"), StringComparison.Ordinal);

    private static string StartFails(params (string Key, string Value)[] settings) => StartFails("Development", settings);

    private static string StartFails(string environment, params (string Key, string Value)[] settings)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Storage:ConnectionString", Azurite.ConnectionString);
            builder.UseSetting("MicrosoftAppId", "6a1c2f3e-0000-4000-8000-000000000001");
            builder.UseSetting("MicrosoftAppPassword", "a-test-secret");
            builder.UseSetting("PublicBaseUrl", "https://bot.example.org");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
        return Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();
    }
}
