using CommunityPlanning.Teams.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Teams.Tests.Auth;

public sealed class TeamsAuthServiceCollectionExtensionsTests
{
    [Fact]
    public void AddTeamsAuth_ValidRegistration_ResolvesEverything()
    {
        using var services = Build(Environments.Production, ("MicrosoftAppId", TestTokens.AppId), ("MicrosoftAppPassword", "s3cret"));

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<BotFrameworkAuthenticator>(services.GetRequiredService<IInboundAuthenticator>());
        Assert.IsType<ConnectorTokenProvider>(services.GetRequiredService<IConnectorTokenProvider>());
        Assert.False(services.GetRequiredService<ServiceUrlPolicy>().AllowLoopback);
        Assert.NotNull(services.GetRequiredService<IHttpClientFactory>().CreateClient(BotAuthOptions.HttpClientName));
    }

    [Fact]
    public void AddTeamsAuth_UserAssignedMsi_ResolvesTokenProvider()
    {
        using var services = Build(Environments.Production, ("MicrosoftAppId", TestTokens.AppId), ("MicrosoftAppType", "UserAssignedMSI"), ("MicrosoftAppTenantId", "12345678-1234-1234-1234-123456789012"));

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.NotNull(services.GetRequiredService<IConnectorTokenProvider>());
    }

    [Fact]
    public void AddTeamsAuth_SingleTenantWithoutTenant_FailsAtStart()
    {
        using var services = Build(Environments.Production, ("MicrosoftAppId", TestTokens.AppId), ("MicrosoftAppPassword", "s3cret"), ("MicrosoftAppType", "SingleTenant"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("MicrosoftAppTenantId", error.Message);
    }

    [Fact]
    public void AddTeamsAuth_NoAppIdOutsideDevelopment_FailsAtStart()
    {
        using var services = Build(Environments.Production);

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public async Task AddTeamsAuth_NoAppIdInDevelopment_StartsWithoutToken()
    {
        using var services = Build(Environments.Development, ("BotAuth:AllowLoopbackServiceUrls", "true"));

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Null(await services.GetRequiredService<IConnectorTokenProvider>().GetTokenAsync());
        Assert.True(services.GetRequiredService<ServiceUrlPolicy>().IsAllowed("http://localhost:3978/"));
        Assert.False(services.GetRequiredService<IOptions<BotAuthOptions>>().Value.IsAuthenticationConfigured);
    }

    private static ServiceProvider Build(string environment, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new TestEnvironment(environment));
        services.AddTeamsAuth(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
