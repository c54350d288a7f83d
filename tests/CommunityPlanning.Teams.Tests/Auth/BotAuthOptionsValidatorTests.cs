using CommunityPlanning.Teams.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CommunityPlanning.Teams.Tests.Auth;

public sealed class BotAuthOptionsValidatorTests
{
    private const string AppId = TestTokens.AppId;
    private const string Tenant = "12345678-1234-1234-1234-123456789012";

    [Fact]
    public void Validate_MultiTenantWithSecret_Succeeds()
    {
        var result = Production.Validate(null, Options(("MicrosoftAppId", AppId), ("MicrosoftAppPassword", "s3cret")));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_PasswordIsUnresolvedKeyVaultReference_FailsNamingTheKey()
    {
        var result = Production.Validate(null, Options(("MicrosoftAppId", AppId), ("MicrosoftAppPassword", "@Microsoft.KeyVault(SecretUri=https://kv-planbot.vault.azure.net/secrets/MicrosoftAppPassword/)")));

        Assert.True(result.Failed);
        Assert.Contains("MicrosoftAppPassword is a Key Vault reference that App Service could not resolve", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("kv-planbot", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SingleTenantWithTenantAndSecret_Succeeds()
    {
        var result = Production.Validate(null, Options(("MicrosoftAppId", AppId), ("MicrosoftAppPassword", "s3cret"), ("MicrosoftAppType", "SingleTenant"), ("MicrosoftAppTenantId", Tenant)));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_UserAssignedMsiWithTenant_Succeeds()
    {
        var result = Production.Validate(null, Options(("MicrosoftAppId", AppId), ("MicrosoftAppType", "UserAssignedMSI"), ("MicrosoftAppTenantId", "contoso.onmicrosoft.com")));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_MultiTenantWithCertificateThumbprint_Succeeds()
    {
        var result = Production.Validate(null, Options(("MicrosoftAppId", AppId), ("BotAuth:CertificateThumbprint", "ABCDEF0123456789ABCDEF0123456789ABCDEF01")));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_SingleTenantWithoutTenant_FailsNamingTheKey()
    {
        var result = Production.Validate(null, Options(("MicrosoftAppId", AppId), ("MicrosoftAppPassword", "s3cret"), ("MicrosoftAppType", "SingleTenant")));

        Assert.True(result.Failed);
        Assert.Contains("MicrosoftAppTenantId", result.FailureMessage);
    }

    [Theory]
    [InlineData("MultiTenant")]
    [InlineData("SingleTenant")]
    public void Validate_NoSecretOrCertificate_Fails(string type)
    {
        var result = Production.Validate(null, Options(("MicrosoftAppId", AppId), ("MicrosoftAppType", type), ("MicrosoftAppTenantId", Tenant)));

        Assert.True(result.Failed);
        Assert.Contains("no credential", result.FailureMessage);
    }

    [Fact]
    public void Validate_SecretAndCertificate_Fails()
    {
        var result = Production.Validate(null, Options(("MicrosoftAppId", AppId), ("MicrosoftAppPassword", "s3cret"), ("BotAuth:CertificateThumbprint", "ABCDEF")));

        Assert.Contains("Keep only one", result.FailureMessage);
    }

    [Fact]
    public void Validate_CertificatePathMissingFile_Fails()
    {
        var result = Production.Validate(null, Options(("MicrosoftAppId", AppId), ("BotAuth:CertificatePath", "/no/such/bot.pfx")));

        Assert.Contains("BotAuth:CertificatePath", result.FailureMessage);
    }

    [Fact]
    public void Validate_UserAssignedMsiWithoutTenant_Fails()
    {
        var result = Production.Validate(null, Options(("MicrosoftAppId", AppId), ("MicrosoftAppType", "UserAssignedMSI")));

        Assert.Contains("MicrosoftAppTenantId", result.FailureMessage);
    }

    [Fact]
    public void Validate_UserAssignedMsiWithSecret_Fails()
    {
        var result = Production.Validate(null, Options(("MicrosoftAppId", AppId), ("MicrosoftAppType", "UserAssignedMSI"), ("MicrosoftAppTenantId", Tenant), ("MicrosoftAppPassword", "s3cret")));

        Assert.Contains("needs no secret", result.FailureMessage);
    }

    [Theory]
    [InlineData("Multi")]
    [InlineData("7")]
    public void Validate_UnknownAppType_Fails(string type)
    {
        var result = Production.Validate(null, Options(("MicrosoftAppId", AppId), ("MicrosoftAppPassword", "s3cret"), ("MicrosoftAppType", type)));

        Assert.Contains("MicrosoftAppType must be", result.FailureMessage);
    }

    [Fact]
    public void Validate_AppIdNotAGuid_Fails()
    {
        var result = Production.Validate(null, Options(("MicrosoftAppId", "my-bot"), ("MicrosoftAppPassword", "s3cret")));

        Assert.Contains("GUID", result.FailureMessage);
    }

    [Fact]
    public void Validate_NoAppIdInProduction_Fails()
    {
        var result = Production.Validate(null, Options());

        Assert.Contains("only in Development", result.FailureMessage);
    }

    [Fact]
    public void Validate_NoAppIdInDevelopment_Succeeds()
    {
        var result = Development.Validate(null, Options(("BotAuth:AllowLoopbackServiceUrls", "true")));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_SecretWithoutAppId_Fails()
    {
        var result = Development.Validate(null, Options(("MicrosoftAppPassword", "s3cret")));

        Assert.Contains("MicrosoftAppId is empty", result.FailureMessage);
    }

    [Fact]
    public void Validate_LoopbackServiceUrlsInProduction_Fails()
    {
        var result = Production.Validate(null, Options(("MicrosoftAppId", AppId), ("MicrosoftAppPassword", "s3cret"), ("BotAuth:AllowLoopbackServiceUrls", "true")));

        Assert.Contains("AllowLoopbackServiceUrls", result.FailureMessage);
    }

    [Theory]
    [InlineData("BotAuth:OpenIdMetadataUrl", "http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("BotAuth:OpenIdMetadataUrl", "http://127.0.0.1:5000/meta")]
    [InlineData("BotAuth:EmulatorOpenIdMetadataUrl", "not a url")]
    [InlineData("BotAuth:TokenAuthority", "http://login.example.org")]
    public void Validate_InsecureOrLocalUrlInProduction_Fails(string key, string value)
    {
        var result = Production.Validate(null, Options(("MicrosoftAppId", AppId), ("MicrosoftAppPassword", "s3cret"), (key, value)));

        Assert.Contains(key, result.FailureMessage);
    }

    [Fact]
    public void Validate_LoopbackMetadataInDevelopment_Succeeds()
    {
        var result = Development.Validate(null, Options(("MicrosoftAppId", AppId), ("MicrosoftAppPassword", "s3cret"), ("BotAuth:OpenIdMetadataUrl", "http://127.0.0.1:5000/meta"), ("BotAuth:TokenAuthority", "https://127.0.0.1:5001")));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_BadAllowedServiceHost_Fails()
    {
        var result = Production.Validate(null, Options(("MicrosoftAppId", AppId), ("MicrosoftAppPassword", "s3cret"), ("BotAuth:AllowedServiceHosts:0", "https://evil.example")));

        Assert.Contains("AllowedServiceHosts", result.FailureMessage);
    }

    [Fact]
    public void Bind_RootKeysAndSection_AllRead()
    {
        var options = Options(
            ("MicrosoftAppId", $" {AppId} "),
            ("MicrosoftAppPassword", "s3cret"),
            ("MicrosoftAppTenantId", Tenant),
            ("MicrosoftAppType", "singletenant"),
            ("BotAuth:OpenIdMetadataUrl", "https://meta.example/one"),
            ("BotAuth:EmulatorOpenIdMetadataUrl", "https://meta.example/two"),
            ("BotAuth:TokenAuthority", "https://login.example"),
            ("BotAuth:AllowedServiceHosts:0", "bots.example.org"));

        Assert.Equal(AppId, options.MicrosoftAppId);
        Assert.Equal("s3cret", options.MicrosoftAppPassword);
        Assert.Equal(Tenant, options.MicrosoftAppTenantId);
        Assert.Equal(BotAppType.SingleTenant, options.MicrosoftAppType);
        Assert.Equal(Tenant, options.TokenTenant);
        Assert.Equal("https://meta.example/one", options.OpenIdMetadataUrl);
        Assert.Equal("https://meta.example/two", options.EmulatorOpenIdMetadataUrl);
        Assert.Equal("https://login.example", options.TokenAuthority);
        Assert.Equal(["bots.example.org"], options.AllowedServiceHosts);
        Assert.True(options.IsAuthenticationConfigured);
    }

    [Fact]
    public void Bind_NothingConfigured_Defaults()
    {
        var options = Options();

        Assert.False(options.IsAuthenticationConfigured);
        Assert.Equal(BotAppType.MultiTenant, options.MicrosoftAppType);
        Assert.Equal("botframework.com", options.TokenTenant);
        Assert.Equal(BotAuthOptions.DefaultOpenIdMetadataUrl, options.OpenIdMetadataUrl);
        Assert.Equal(BotAuthOptions.DefaultEmulatorOpenIdMetadataUrl, options.EmulatorOpenIdMetadataUrl);
        Assert.True(options.KeyRefreshInterval <= TimeSpan.FromDays(1));
    }

    private static BotAuthOptionsValidator Production => new(new TestEnvironment(Environments.Production));

    private static BotAuthOptionsValidator Development => new(new TestEnvironment(Environments.Development));

    private static BotAuthOptions Options(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var options = new BotAuthOptions();
        BotAuthOptions.Bind(configuration, options);
        return options;
    }
}
