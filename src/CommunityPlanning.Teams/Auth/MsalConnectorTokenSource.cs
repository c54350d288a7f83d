using System.Security.Cryptography.X509Certificates;
using Microsoft.Identity.Client;

namespace CommunityPlanning.Teams.Auth;

/// <summary>Client credentials (secret or certificate) through MSAL's confidential client.</summary>
internal sealed class MsalConnectorTokenSource : IConnectorTokenSource
{
    private static readonly string[] Scopes = [IConnectorTokenSource.Scope];
    private readonly IConfidentialClientApplication _application;

    public MsalConnectorTokenSource(BotAuthOptions options, IHttpClientFactory httpClientFactory)
    {
        var authority = $"{options.TokenAuthority.TrimEnd('/')}/{options.TokenTenant}";
        var builder = ConfidentialClientApplicationBuilder.Create(options.MicrosoftAppId)
            .WithHttpClientFactory(new MsalHttpClientFactory(httpClientFactory));
        builder = options.UsesDefaultTokenAuthority
            ? builder.WithAuthority(authority)
            // A test authority is not a known Entra cloud: skip MSAL's authority and instance discovery checks.
            : builder.WithAuthority(authority, validateAuthority: false).WithInstanceDiscovery(false);
        builder = options.UsesCertificate
            ? builder.WithCertificate(BotCertificateLoader.Load(options))
            : builder.WithClientSecret(options.MicrosoftAppPassword);
        _application = builder.Build();
    }

    public async Task<ConnectorAccessToken> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var result = await _application.AcquireTokenForClient(Scopes)
            .WithForceRefresh(forceRefresh)
            .ExecuteAsync(cancellationToken)
            .ConfigureAwait(false);
        return new ConnectorAccessToken(result.AccessToken, result.ExpiresOn);
    }

    /// <summary>Lets MSAL use the named "BotAuth" client (so tests can trust a local test server).</summary>
    private sealed class MsalHttpClientFactory(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => httpClientFactory.CreateClient(BotAuthOptions.HttpClientName);
    }
}

/// <summary>Loads the configured client certificate once, at start-up of the token source.</summary>
internal static class BotCertificateLoader
{
    public static X509Certificate2 Load(BotAuthOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var path = options.CertificatePath;
            return path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
        }

        var thumbprint = options.CertificateThumbprint!.Replace(" ", string.Empty, StringComparison.Ordinal);
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            foreach (var certificate in found)
            {
                if (certificate.HasPrivateKey)
                {
                    return certificate;
                }
            }
        }

        throw new InvalidOperationException("No certificate with the configured BotAuth:CertificateThumbprint and a private key was found in the CurrentUser or LocalMachine 'My' store.");
    }
}
