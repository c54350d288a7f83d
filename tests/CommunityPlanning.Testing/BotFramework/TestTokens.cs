using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommunityPlanning.Testing.BotFramework;

/// <summary>Mints tokens the way the Bot Framework channel service and Entra do.</summary>
public static class TestTokens
{
    public const string AppId = "0b8a3a5e-5f7a-4a44-9d2a-0c6f3c1d2e4f";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string BotFrameworkTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";
    public const string OtherBotFrameworkTenant = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string Channel(
        TestSigningKey key,
        string issuer = ChannelIssuer,
        string audience = AppId,
        string? serviceUrl = ServiceUrl,
        DateTime? notBefore = null,
        DateTime? expires = null)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        return Mint(key, issuer, audience, claims, notBefore, expires);
    }

    public static string EmulatorV1(TestSigningKey key, string tenant = BotFrameworkTenant, string appId = AppId) =>
        Mint(key, $"https://sts.windows.net/{tenant}/", AppId, new() { ["appid"] = appId, ["ver"] = "1.0", ["tid"] = tenant });

    public static string EmulatorV2(TestSigningKey key, string tenant = OtherBotFrameworkTenant, string appId = AppId) =>
        Mint(key, $"https://login.microsoftonline.com/{tenant}/v2.0", AppId, new() { ["azp"] = appId, ["ver"] = "2.0", ["tid"] = tenant });

    public static string Unsigned()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return $"{Part("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Part($"{{\"iss\":\"{ChannelIssuer}\",\"aud\":\"{AppId}\",\"serviceurl\":\"{ServiceUrl}\",\"exp\":{exp}}}")}.";
    }

    private static string Mint(TestSigningKey key, string issuer, string audience, Dictionary<string, object> claims, DateTime? notBefore = null, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = key.SigningCredentials,
            Subject = new ClaimsIdentity(),
        };
        return Handler.CreateToken(descriptor);
    }
}
