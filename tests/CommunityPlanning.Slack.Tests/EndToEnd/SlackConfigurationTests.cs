using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack.Tests.EndToEnd;

/// <summary>Slack's endpoints exist only when Slack is validly configured; a bad secret stops the host.</summary>
public sealed class SlackConfigurationTests
{
    private const string KeyVaultReference = "@Microsoft.KeyVault(SecretUri=https://kv-planbot.vault.azure.net/secrets/SlackSigningSecret/)";
    private const string EncryptionKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    public static TheoryData<string> Paths => new() { "/api/slack/events", "/api/slack/commands", "/api/slack/interactions" };

    [Fact]
    public async Task Start_SigningSecretIsUnresolvedKeyVaultReference_RefusesToStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SlackBotHost.StartAsync(s => s["Slack:SigningSecret"] = KeyVaultReference));

        Assert.Contains("Slack:SigningSecret is a Key Vault reference that App Service could not resolve", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BotTokenIsUnresolvedKeyVaultReference_RefusesToStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SlackBotHost.StartAsync(s => s["Slack:BotToken"] = KeyVaultReference));

        Assert.Contains("Slack:BotToken is a Key Vault reference", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ShortSigningSecret_RefusesToStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SlackBotHost.StartAsync(s => s["Slack:SigningSecret"] = "too-short-to-be-slack"));

        Assert.Contains("Slack:SigningSecret is too short", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("too-short-to-be-slack", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xoxp-user-token")]
    [InlineData("not-a-token")]
    public async Task Start_BotTokenOfTheWrongShape_RefusesToStart(string token)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SlackBotHost.StartAsync(s => s["Slack:BotToken"] = token));

        Assert.Contains("Slack:BotToken is not a Slack bot token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RotatingBotToken_Starts()
    {
        await using var host = await SlackBotHost.StartAsync(s => s["Slack:BotToken"] = "xoxe.xoxb-1-rotating");

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostUnsignedAsync(host, "/api/slack/events")).StatusCode);
    }

    [Fact]
    public async Task Start_HalfTheMultiWorkspaceSettings_RefusesToStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SlackBotHost.StartAsync(s => s["Slack:ClientId"] = "1234567890.1234567890"));

        Assert.Contains("Set all three, or none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_TokenEncryptionKeyNotThirtyTwoBytes_RefusesToStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SlackBotHost.StartAsync(s =>
        {
            s["Slack:ClientId"] = "1234567890.1234567890";
            s["Slack:ClientSecret"] = "0123456789abcdef0123456789abcdef";
            s["Slack:TokenEncryptionKey"] = "6f1c1c5e-2b7d-4a51-9f0e-3d1b2c4a5e6f";
        }));

        Assert.Contains("Slack:TokenEncryptionKey must be the base64 of 32 random bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Request_SigningSecretWithoutBotTokenOrInstall_Is404(string path)
    {
        await using var host = await SlackBotHost.StartAsync(s => s["Slack:BotToken"] = null);

        var response = await PostUnsignedAsync(host, path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Request_MultiWorkspaceInstallConfigured_EndpointsMappedAndSigned(string path)
    {
        await using var host = await SlackBotHost.StartAsync(s =>
        {
            s["Slack:BotToken"] = null;
            s["Slack:ClientId"] = "1234567890.1234567890";
            s["Slack:ClientSecret"] = "0123456789abcdef0123456789abcdef";
            s["Slack:TokenEncryptionKey"] = EncryptionKey;
        });

        var response = await PostUnsignedAsync(host, path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void DisabledReason_NothingSet_SaysNoSigningSecret() =>
        Assert.Equal("no Slack:SigningSecret is set", new SlackOptions().DisabledReason);

    private static Task<HttpResponseMessage> PostUnsignedAsync(SlackBotHost host, string path) =>
        host.Client.PostAsync(path, new StringContent("{}", Encoding.UTF8, "application/json"));
}
