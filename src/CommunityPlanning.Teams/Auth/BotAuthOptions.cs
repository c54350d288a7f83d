using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CommunityPlanning.Teams.Auth;

/// <summary>
/// The bot's registration and the settings for checking Bot Framework tokens and getting our own.
/// The registration keys sit at the configuration root (<c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>,
/// <c>MicrosoftAppTenantId</c>, <c>MicrosoftAppType</c>) as in the rest of the Bot Framework world; the
/// rest lives under <c>BotAuth:</c>.
/// </summary>
public sealed class BotAuthOptions
{
    /// <summary>The configuration section for everything that is not a root registration key.</summary>
    public const string SectionName = "BotAuth";

    /// <summary>The name of the <see cref="System.Net.Http.HttpClient"/> used for metadata, keys and tokens.</summary>
    public const string HttpClientName = "BotAuth";

    /// <summary>Where the Bot Framework channel service publishes its signing keys.</summary>
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Where Entra publishes the keys behind Emulator and Entra-issued tokens.</summary>
    public const string DefaultEmulatorOpenIdMetadataUrl = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration";

    /// <summary>The Entra authority host our own tokens come from.</summary>
    public const string DefaultTokenAuthority = "https://login.microsoftonline.com";

    /// <summary>The bot's Entra app id (client id). Empty means local development without authentication.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The client secret of the app registration (MultiTenant and SingleTenant).</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The bot's own tenant (required for SingleTenant and UserAssignedMSI).</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>How the app registration is set up.</summary>
    public BotAppType MicrosoftAppType { get; set; } = BotAppType.MultiTenant;

    /// <summary>OpenID metadata for channel-issued tokens (<c>BotAuth:OpenIdMetadataUrl</c>).</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>OpenID metadata for Emulator / Entra-issued tokens (<c>BotAuth:EmulatorOpenIdMetadataUrl</c>).</summary>
    public string EmulatorOpenIdMetadataUrl { get; set; } = DefaultEmulatorOpenIdMetadataUrl;

    /// <summary>Thumbprint of a certificate in the CurrentUser or LocalMachine "My" store, instead of a secret.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>Path of a PFX/PKCS#12 (or PEM with key) certificate file, instead of a secret.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of the PFX file at <see cref="CertificatePath"/>, if it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The authority host for our own tokens; the tenant is appended. Overridden only by tests.</summary>
    public string TokenAuthority { get; set; } = DefaultTokenAuthority;

    /// <summary>Lets the bot send to loopback serviceUrls (Emulator). Development only.</summary>
    public bool AllowLoopbackServiceUrls { get; set; }

    /// <summary>Extra serviceUrl hosts the bot may send to: exact names or <c>*.suffix</c>.</summary>
    public IList<string> AllowedServiceHosts { get; set; } = [];

    /// <summary>How often at most an unknown key id may trigger a fetch of the signing keys.</summary>
    public TimeSpan MinimumKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the signing keys are fetched again regardless (at most daily).</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>True when an app id is configured, so every inbound token is checked.</summary>
    public bool IsAuthenticationConfigured => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>True when a certificate is configured instead of a secret.</summary>
    public bool UsesCertificate => !string.IsNullOrWhiteSpace(CertificateThumbprint) || !string.IsNullOrWhiteSpace(CertificatePath);

    /// <summary>The tenant our own tokens are requested from.</summary>
    public string TokenTenant => MicrosoftAppType == BotAppType.MultiTenant ? "botframework.com" : MicrosoftAppTenantId ?? string.Empty;

    /// <summary>True when the token authority is the real Entra one (so MSAL may validate it).</summary>
    internal bool UsesDefaultTokenAuthority =>
        string.Equals(TokenAuthority.TrimEnd('/'), DefaultTokenAuthority, StringComparison.OrdinalIgnoreCase);

    /// <summary>Binds the root registration keys and the <c>BotAuth</c> section onto <paramref name="options"/>.</summary>
    public static void Bind(IConfiguration configuration, BotAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        configuration.GetSection(SectionName).Bind(options);
        options.MicrosoftAppId = Trimmed(configuration["MicrosoftAppId"]) ?? options.MicrosoftAppId;
        options.MicrosoftAppPassword = Trimmed(configuration["MicrosoftAppPassword"]) ?? options.MicrosoftAppPassword;
        options.MicrosoftAppTenantId = Trimmed(configuration["MicrosoftAppTenantId"]) ?? options.MicrosoftAppTenantId;
        var type = Trimmed(configuration["MicrosoftAppType"]);
        if (type is not null)
        {
            // An unrecognised value is kept as an undefined enum value so the validator can say so clearly.
            options.MicrosoftAppType = Enum.TryParse<BotAppType>(type, ignoreCase: true, out var parsed)
                && Enum.IsDefined(parsed)
                && !int.TryParse(type, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                    ? parsed
                    : (BotAppType)(-1);
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
