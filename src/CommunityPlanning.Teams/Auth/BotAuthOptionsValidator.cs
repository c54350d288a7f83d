using System.Net;
using CommunityPlanning.Conversations.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Teams.Auth;

/// <summary>
/// Refuses a bot registration that cannot work, with a message that says which key to fix. Runs at
/// start-up (<c>ValidateOnStart</c>) so a misconfigured bot never starts taking traffic.
/// </summary>
/// <param name="environment">The host environment; without one the strict (production) rules apply.</param>
public sealed class BotAuthOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<BotAuthOptions>
{
    private readonly bool _isDevelopment = environment?.IsDevelopment() ?? false;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BotAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();

        if (!Enum.IsDefined(options.MicrosoftAppType))
        {
            errors.Add("MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI.");
        }

        if (!options.IsAuthenticationConfigured)
        {
            if (!_isDevelopment)
            {
                errors.Add("MicrosoftAppId is empty. Without it no incoming request is checked, which is allowed only in Development. Set MicrosoftAppId (and MicrosoftAppPassword or a certificate).");
            }

            if (!string.IsNullOrWhiteSpace(options.MicrosoftAppPassword) || options.UsesCertificate)
            {
                errors.Add("A secret or certificate is set but MicrosoftAppId is empty. Set MicrosoftAppId too.");
            }
        }
        else
        {
            ValidateRegistration(options, errors);
        }

        foreach (var (setting, secret) in new[] { ("MicrosoftAppPassword", options.MicrosoftAppPassword), ("BotAuth:CertificatePassword", options.CertificatePassword) })
        {
            if (SecretCheck.Problem(setting, secret, SecretShape.Password) is { } problem)
            {
                errors.Add(problem);
            }
        }

        ValidateUrl(options.OpenIdMetadataUrl, "BotAuth:OpenIdMetadataUrl", errors);
        ValidateUrl(options.EmulatorOpenIdMetadataUrl, "BotAuth:EmulatorOpenIdMetadataUrl", errors);
        ValidateUrl(options.TokenAuthority, "BotAuth:TokenAuthority", errors, loopbackNeedsHttps: true);

        if (options.AllowLoopbackServiceUrls && !_isDevelopment)
        {
            errors.Add("BotAuth:AllowLoopbackServiceUrls is allowed only in Development. Remove it.");
        }

        foreach (var host in options.AllowedServiceHosts)
        {
            if (!ServiceUrlPolicy.IsValidHostPattern(host))
            {
                errors.Add($"BotAuth:AllowedServiceHosts entry '{host}' is not a host name. Use a name like 'bots.example.org' or '*.example.org'.");
            }
        }

        if (options.KeyRefreshInterval <= TimeSpan.Zero || options.KeyRefreshInterval > TimeSpan.FromDays(1))
        {
            errors.Add("BotAuth:KeyRefreshInterval must be more than zero and at most one day.");
        }

        if (options.MinimumKeyRefreshInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add("BotAuth:MinimumKeyRefreshInterval must be at least one second.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateRegistration(BotAuthOptions options, List<string> errors)
    {
        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            errors.Add("MicrosoftAppId must be the app registration's client id (a GUID).");
        }

        var hasSecret = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        var hasThumbprint = !string.IsNullOrWhiteSpace(options.CertificateThumbprint);
        var hasPath = !string.IsNullOrWhiteSpace(options.CertificatePath);
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);

        if (hasTenant && !IsTenant(options.MicrosoftAppTenantId!))
        {
            errors.Add("MicrosoftAppTenantId must be a tenant id (a GUID) or a domain such as contoso.onmicrosoft.com.");
        }

        switch (options.MicrosoftAppType)
        {
            case BotAppType.MultiTenant:
            case BotAppType.SingleTenant:
                if (options.MicrosoftAppType == BotAppType.SingleTenant && !hasTenant)
                {
                    errors.Add("MicrosoftAppType is SingleTenant but MicrosoftAppTenantId is empty. Set it to the tenant of the app registration.");
                }

                if (!hasSecret && !hasThumbprint && !hasPath)
                {
                    errors.Add($"MicrosoftAppType is {options.MicrosoftAppType} but there is no credential. Set MicrosoftAppPassword, or BotAuth:CertificateThumbprint or BotAuth:CertificatePath.");
                }
                else if (hasSecret && (hasThumbprint || hasPath))
                {
                    errors.Add("Both MicrosoftAppPassword and a certificate are set. Keep only one.");
                }

                if (hasThumbprint && hasPath)
                {
                    errors.Add("Both BotAuth:CertificateThumbprint and BotAuth:CertificatePath are set. Keep only one.");
                }

                if (hasPath && !File.Exists(options.CertificatePath))
                {
                    errors.Add("BotAuth:CertificatePath does not point at a file. Check the path.");
                }

                break;
            case BotAppType.UserAssignedMSI:
                if (!hasTenant)
                {
                    errors.Add("MicrosoftAppType is UserAssignedMSI but MicrosoftAppTenantId is empty. Set it to the managed identity's tenant.");
                }

                if (hasSecret || hasThumbprint || hasPath)
                {
                    errors.Add("MicrosoftAppType is UserAssignedMSI, which needs no secret or certificate. Remove MicrosoftAppPassword and the BotAuth certificate settings.");
                }

                break;
        }
    }

    private void ValidateUrl(string? value, string key, List<string> errors, bool loopbackNeedsHttps = false)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            errors.Add($"{key} must be an absolute https URL.");
            return;
        }

        var loopback = uri.IsLoopback;
        if (loopback && !_isDevelopment)
        {
            errors.Add($"{key} points at this machine, which is allowed only in Development.");
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && (!loopback || loopbackNeedsHttps))
        {
            errors.Add($"{key} must use https.");
        }
        else if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            errors.Add($"{key} must be an absolute https URL.");
        }
    }

    private static bool IsTenant(string tenant) =>
        Guid.TryParse(tenant, out _)
        || (Uri.CheckHostName(tenant) == UriHostNameType.Dns && tenant.Contains('.', StringComparison.Ordinal) && !IPAddress.TryParse(tenant, out _));
}
