using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Teams.Auth;
using CommunityPlanning.Testing;
using CommunityPlanning.Testing.BotFramework;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlanning.Bot.Tests.Teams;

/// <summary>
/// The real host on Kestrel with Teams authentication on: a GUID app id and secret, signing keys from the
/// loopback OpenID server, our own tokens from the fake https token server, replies to the fake Connector.
/// Its own Azurite tables.
/// </summary>
internal sealed class TeamsHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _tokenServerThumbprint;

    private readonly TimeProvider? _clock;

    public TeamsHost(TeamsEnvironment environment, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        _clock = clock;
        TablePrefix = Azurite.NewTablePrefix();
        _tokenServerThumbprint = environment.TokenServer.Certificate.Thumbprint;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            ["Storage:TablePrefix"] = TablePrefix,
            ["MicrosoftAppId"] = TestTokens.AppId,
            ["MicrosoftAppPassword"] = "s3cret",
            ["MicrosoftAppType"] = "MultiTenant",
            ["BotAuth:OpenIdMetadataUrl"] = environment.OpenId.ChannelMetadataUrl,
            ["BotAuth:EmulatorOpenIdMetadataUrl"] = environment.OpenId.EmulatorMetadataUrl,
            ["BotAuth:TokenAuthority"] = environment.TokenServer.Authority,
            ["BotAuth:AllowLoopbackServiceUrls"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        // An explicit loopback endpoint: UseKestrel(port) edits the server's addresses after start-up and
        // can race Kestrel's own bind (seen as "Addresses cannot be modified after the server has started").
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        Client = new HttpClient { BaseAddress = ClientOptions.BaseAddress };
    }

    public string TablePrefix { get; }

    public HttpClient Client { get; }

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await Client.SendAsync(request);
    }

    public Task<GroupState> LoadGroupAsync(string groupId) => Services.GetRequiredService<IGroupStore>().LoadAsync(groupId);

    /// <summary>Every row in the host's plans table (none when the table was never written).</summary>
    public List<TableEntity> PlanRows() => Rows("plans");

    public List<TableEntity> Rows(string table)
    {
        var client = new TableClient(Azurite.ConnectionString, TablePrefix + table);
        try
        {
            return client.Query<TableEntity>().ToList();
        }
        catch (Azure.RequestFailedException)
        {
            return [];
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // The fake token server's certificate is self-signed: trust exactly that one, for token calls only.
        var thumbprint = _tokenServerThumbprint;
        if (_clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }

        builder.ConfigureTestServices(services => services.AddHttpClient(BotAuthOptions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is X509Certificate2 c && c.Thumbprint == thumbprint },
            }));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Client.Dispose();
        }

        base.Dispose(disposing);
    }
}
