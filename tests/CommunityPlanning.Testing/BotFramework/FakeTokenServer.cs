using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Testing.BotFramework;

/// <summary>
/// A fake Entra token endpoint on loopback https (MSAL refuses http authorities), with a self-signed
/// certificate the test's "BotAuth" client is told to trust.
/// </summary>
public sealed class FakeTokenServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private FakeTokenServer(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public string Authority { get; private set; } = "";

    public int Requests => Volatile.Read(ref _requests);

    public ConcurrentQueue<(string Path, Dictionary<string, string> Form)> Received { get; } = new();

    public int ExpiresInSeconds { get; set; } = 3600;

    public static async Task<FakeTokenServer> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var app = builder.Build();
        var server = new FakeTokenServer(app, certificate);

        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpRequest request, string tenant) =>
        {
            var form = await request.ReadFormAsync();
            server.Received.Enqueue((request.Path, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            var n = Interlocked.Increment(ref server._requests);
            return Results.Json(new Dictionary<string, object>
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = server.ExpiresInSeconds,
                ["ext_expires_in"] = server.ExpiresInSeconds,
                ["access_token"] = $"connector-token-{n}",
            });
        });

        await app.StartAsync();
        server.Authority = app.Urls.First().TrimEnd('/');
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Round-trip through PKCS#12 so the private key is usable by the TLS stack.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
