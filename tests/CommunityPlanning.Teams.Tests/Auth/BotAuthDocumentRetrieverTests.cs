using CommunityPlanning.Teams.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlanning.Teams.Tests.Auth;

public sealed class BotAuthDocumentRetrieverTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Theory]
    [InlineData(true, "http://127.0.0.1:1/keys")]
    [InlineData(false, "http://login.botframework.com/keys")]
    [InlineData(false, "ftp://127.0.0.1/keys")]
    [InlineData(false, "keys")]
    public async Task GetDocumentAsync_InsecureAddress_RefusedWithoutRequest(bool requireHttps, string address)
    {
        var retriever = new BotAuthDocumentRetriever(_services.GetRequiredService<IHttpClientFactory>(), requireHttps);

        await Assert.ThrowsAsync<IOException>(() => retriever.GetDocumentAsync(address, CancellationToken.None));
    }

    [Fact]
    public async Task GetDocumentAsync_LoopbackHttpWhenAllowed_Fetched()
    {
        await using var server = await OpenIdTestServer.StartAsync();
        var retriever = new BotAuthDocumentRetriever(_services.GetRequiredService<IHttpClientFactory>(), requireHttps: false);

        var document = await retriever.GetDocumentAsync(server.ChannelMetadataUrl, CancellationToken.None);

        Assert.Contains("jwks_uri", document, StringComparison.Ordinal);
    }
}
