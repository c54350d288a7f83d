using CommunityPlanning.Conversations.Security;

namespace CommunityPlanning.Conversations.Tests.Security;

public sealed class SecretCheckTests
{
    private const string KeyVaultReference = "@Microsoft.KeyVault(SecretUri=https://kv-planbot.vault.azure.net/secrets/SlackSigningSecret/)";

    [Theory]
    [InlineData(SecretShape.Password)]
    [InlineData(SecretShape.SlackSigningSecret)]
    [InlineData(SecretShape.SlackBotToken)]
    [InlineData(SecretShape.SlackClientSecret)]
    [InlineData(SecretShape.Key256)]
    public void Problem_UnresolvedKeyVaultReference_RefusedForEveryShape(SecretShape shape)
    {
        var problem = SecretCheck.Problem("Some:Secret", KeyVaultReference, shape);

        Assert.NotNull(problem);
        Assert.StartsWith("Some:Secret is a Key Vault reference that App Service could not resolve", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("kv-planbot", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_KeyVaultReferenceInOtherCase_Refused() =>
        Assert.NotNull(SecretCheck.Problem("MicrosoftAppPassword", "  @microsoft.keyvault(VaultName=kv;SecretName=x)", SecretShape.Password));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Problem_NotSet_IsNotThisChecksBusiness(string? value) =>
        Assert.Null(SecretCheck.Problem("Slack:BotToken", value, SecretShape.SlackBotToken));

    [Theory]
    [InlineData("8f742231b10e8888abcd99yyyzzz85a5", true)]
    [InlineData("8f742231b10e8888abcd99yyyzzz85a", false)]
    [InlineData("abc123", false)]
    public void Problem_SlackSigningSecret_NeedsThirtyTwoCharacters(string value, bool fine)
    {
        var problem = SecretCheck.Problem("Slack:SigningSecret", value, SecretShape.SlackSigningSecret);

        Assert.Equal(fine, problem is null);
        if (!fine)
        {
            Assert.DoesNotContain(value, problem!, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("xoxb-1234-5678-abcdef", true)]
    [InlineData("xoxe.xoxb-1-abcdef", true)]
    [InlineData("xoxp-1234-5678-abcdef", false)]
    [InlineData("xoxb-", false)]
    [InlineData("xoxe-1-abcdef", false)]
    [InlineData("Bearer xoxb-1234", false)]
    public void Problem_SlackBotToken_MustBeABotToken(string value, bool fine) =>
        Assert.Equal(fine, SecretCheck.Problem("Slack:BotToken", value, SecretShape.SlackBotToken) is null);

    [Fact]
    public void Problem_SecretWithSurroundingSpaces_Refused() =>
        Assert.Contains("spaces", SecretCheck.Problem("Slack:SigningSecret", " 8f742231b10e8888abcd99yyyzzz85a5 ", SecretShape.SlackSigningSecret), StringComparison.Ordinal);

    [Theory]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", true)]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxw=", false)]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIj", false)]
    [InlineData("0123456789abcdef0123456789abcdef", false)]
    [InlineData("6f1c1c5e-2b7d-4a51-9f0e-3d1b2c4a5e6f", false)]
    public void Problem_Key256_OnlyBase64OfThirtyTwoBytes(string value, bool fine)
    {
        Assert.Equal(fine, SecretCheck.Problem("Links:SigningKeys:k1", value, SecretShape.Key256) is null);
        Assert.Equal(fine, SecretCheck.TryKey256(value, out var key));
        Assert.Equal(fine ? 32 : 0, key.Length);
    }
}
