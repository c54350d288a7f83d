using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace CommunityPlanning.Testing.BotFramework;

/// <summary>An RSA key as a test issuer holds it, with its JWKS form.</summary>
public sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa;
    private readonly bool _ownsKey;

    public TestSigningKey(string keyId, params string[]? endorsements)
        : this(RSA.Create(2048), ownsKey: true, keyId, endorsements)
    {
    }

    private TestSigningKey(RSA rsa, bool ownsKey, string keyId, string[]? endorsements)
    {
        _rsa = rsa;
        _ownsKey = ownsKey;
        KeyId = keyId;
        Endorsements = endorsements;
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = keyId }, SecurityAlgorithms.RsaSha256);
    }

    public string KeyId { get; }

    public string[]? Endorsements { get; }

    public SigningCredentials SigningCredentials { get; }

    public Dictionary<string, object> ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = Endorsements;
        }

        return jwk;
    }

    /// <summary>The same RSA key under another key id (key generation is slow; tests that need many kids share one).</summary>
    public TestSigningKey WithKeyId(string keyId) => new(_rsa, ownsKey: false, keyId, Endorsements);

    public void Dispose()
    {
        if (_ownsKey)
        {
            _rsa.Dispose();
        }
    }
}
