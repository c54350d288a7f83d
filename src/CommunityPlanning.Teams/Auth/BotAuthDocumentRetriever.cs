using System.Text;
using Microsoft.IdentityModel.Protocols;

namespace CommunityPlanning.Teams.Auth;

/// <summary>
/// Fetches OpenID metadata and key sets through the named "BotAuth" client. A client is created per fetch
/// (they are rare) so the factory's handler rotation still applies to a long-lived metadata cache.
/// </summary>
internal sealed class BotAuthDocumentRetriever(IHttpClientFactory httpClientFactory, bool requireHttps) : IDocumentRetriever
{
    /// <summary>Real metadata and key sets are a few KB; anything this large is not one.</summary>
    internal const int MaxDocumentBytes = 1024 * 1024;

    public bool RequireHttps => requireHttps;

    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            throw new IOException("The metadata address is not an absolute URL.");
        }

        // Plain http is tolerated only for a loopback test server, never for a real host.
        var allowed = uri.Scheme == Uri.UriSchemeHttps || (!requireHttps && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
        if (!allowed)
        {
            throw new IOException($"Refused to fetch signing metadata over {uri.Scheme} from {uri.Host}.");
        }

        var client = httpClientFactory.CreateClient(BotAuthOptions.HttpClientName);
        using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new IOException($"Fetching signing metadata from {uri.Host} failed with HTTP {(int)response.StatusCode}.");
        }

        if (response.Content.Headers.ContentLength > MaxDocumentBytes)
        {
            throw new IOException("The signing metadata document is too large.");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancel).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxDocumentBytes)
                {
                    throw new IOException("The signing metadata document is too large.");
                }

                buffer.Write(chunk, 0, read);
            }

            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }
}
