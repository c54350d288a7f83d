using CommunityPlanning.Slack.Install;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack.Tests.Install;

public sealed class SlackTokenProtectorTests
{
    private const string KeyOne = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private const string KeyTwo = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

    [Fact]
    public void Seal_ThenOpen_GivesTheTokenBackAndNeverHoldsItInClear()
    {
        var protector = Protector(o => o.TokenEncryptionKey = KeyOne);

        var (sealedToken, keyId) = protector.Seal("xoxb-1-secret", "team", "T1");

        Assert.Equal(SlackOptions.DefaultKeyId, keyId);
        Assert.DoesNotContain("xoxb", sealedToken, StringComparison.Ordinal);
        Assert.Equal("xoxb-1-secret", protector.Open(sealedToken, keyId, "team", "T1"));
        Assert.NotEqual(sealedToken, protector.Seal("xoxb-1-secret", "team", "T1").Sealed);
    }

    [Fact]
    public void Open_AnotherWorkspacesRowOrATamperedToken_GivesNothing()
    {
        var protector = Protector(o => o.TokenEncryptionKey = KeyOne);
        var (sealedToken, keyId) = protector.Seal("xoxb-1-secret", "team", "T1");
        var bytes = Convert.FromBase64String(sealedToken);
        bytes[^1] ^= 1;

        Assert.Null(protector.Open(sealedToken, keyId, "team", "T2"));
        Assert.Null(protector.Open(sealedToken, keyId, "enterprise", "T1"));
        Assert.Null(protector.Open(Convert.ToBase64String(bytes), keyId, "team", "T1"));
        Assert.Null(protector.Open("not base64!", keyId, "team", "T1"));
    }

    [Fact]
    public void Rotation_NewKeyCurrent_OldTokensStillOpenAndNewOnesUseTheNewKey()
    {
        var before = Protector(o => o.TokenEncryptionKey = KeyOne);
        var old = before.Seal("xoxb-old", "team", "T1");
        var after = Protector(o =>
        {
            o.TokenEncryptionKey = KeyOne;
            o.TokenEncryptionKeys["k2"] = KeyTwo;
            o.TokenEncryptionKeyId = "k2";
        });
        var withoutOldKey = Protector(o =>
        {
            o.TokenEncryptionKeys["k2"] = KeyTwo;
            o.TokenEncryptionKeyId = "k2";
        });

        var fresh = after.Seal("xoxb-new", "team", "T1");

        Assert.Equal("xoxb-old", after.Open(old.Sealed, old.KeyId, "team", "T1"));
        Assert.Equal("k2", fresh.KeyId);
        Assert.Equal("xoxb-new", withoutOldKey.Open(fresh.Sealed, fresh.KeyId, "team", "T1"));
        Assert.Null(withoutOldKey.Open(old.Sealed, old.KeyId, "team", "T1"));
    }

    [Theory]
    [InlineData(null, "k2", "not set")]
    [InlineData("not-a-key", null, "base64 of 32 random bytes")]
    [InlineData(KeyTwo, "default", "not allowed")]
    public void Validator_TokenKeySettingsWrong_RefusesToStart(string? key, string? currentId, string expected)
    {
        var options = new SlackOptions { SigningSecret = new string('s', 32), ClientId = "1.2", ClientSecret = new string('c', 32), TokenEncryptionKey = KeyOne, TokenEncryptionKeyId = currentId };
        if (key is not null)
        {
            options.TokenEncryptionKeys[currentId == "default" ? "default" : "k9"] = key;
            options.TokenEncryptionKeyId = currentId == "default" ? null : options.TokenEncryptionKeyId;
        }

        var result = new SlackOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Options_KeysByIdOnly_AreTheMultiWorkspaceMode()
    {
        var options = new SlackOptions { SigningSecret = new string('s', 32), ClientId = "1.2", ClientSecret = new string('c', 32), TokenEncryptionKeyId = "k2" };
        options.TokenEncryptionKeys["k2"] = KeyTwo;

        Assert.True(options.MultiWorkspace);
        Assert.True(new SlackOptionsValidator().Validate(null, options).Succeeded);
    }

    private static SlackTokenProtector Protector(Action<SlackOptions> configure)
    {
        var options = new SlackOptions();
        configure(options);
        return new SlackTokenProtector(Options.Create(options));
    }
}
