using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Security;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack;

/// <summary>
/// Refuses Slack settings that cannot be right, at start-up: a secret that is an unresolved Key Vault reference
/// or the wrong shape, or half of the multi-workspace settings. Settings that are simply absent turn Slack off
/// instead (see <see cref="SlackOptions.DisabledReason"/>).
/// </summary>
public sealed partial class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Add(errors, SecretCheck.Problem("Slack:SigningSecret", options.SigningSecret, SecretShape.SlackSigningSecret));
        Add(errors, SecretCheck.Problem("Slack:BotToken", options.BotToken, SecretShape.SlackBotToken));
        Add(errors, SecretCheck.Problem("Slack:ClientSecret", options.ClientSecret, SecretShape.SlackClientSecret));
        Add(errors, SecretCheck.Problem("Slack:TokenEncryptionKey", options.TokenEncryptionKey, SecretShape.Key256));
        TokenKeys(errors, options);
        if (SecretCheck.IsUnresolvedKeyVaultReference(options.ClientId))
        {
            errors.Add("Slack:ClientId is a Key Vault reference that App Service could not resolve. Check the secret and the app's access to the vault.");
        }
        else if (SecretCheck.IsSet(options.ClientId) && !ClientIdShape().IsMatch(options.ClientId!))
        {
            errors.Add("Slack:ClientId is not a Slack client id (digits, a dot, digits). Copy it from the app's Basic Information page.");
        }

        var oauth = new[] { SecretCheck.IsSet(options.ClientId), SecretCheck.IsSet(options.ClientSecret), options.HasTokenKeys };
        if (oauth.Any(set => set) && !oauth.All(set => set))
        {
            errors.Add("The multi-workspace install needs Slack:ClientId, Slack:ClientSecret and Slack:TokenEncryptionKey (or Slack:TokenEncryptionKeys) together. Set all three, or none.");
        }

        if (options.RedirectUri is { } redirect && (!redirect.IsAbsoluteUri || !(redirect.Scheme == Uri.UriSchemeHttps || redirect.IsLoopback)))
        {
            errors.Add("Slack:RedirectUri must be an https address (or loopback, for tests).");
        }

        if (options.InstallStateLifetime <= TimeSpan.Zero || options.InstallStateLifetime > TimeSpan.FromHours(1)
            || options.InstallationCacheDuration < TimeSpan.Zero)
        {
            errors.Add("Slack:InstallStateLifetime must be between 0 and 1 hour, and Slack:InstallationCacheDuration not negative.");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || !(options.ApiBaseUrl.Scheme == Uri.UriSchemeHttps || options.ApiBaseUrl.IsLoopback))
        {
            errors.Add("Slack:ApiBaseUrl must be an https address (or loopback, for tests).");
        }

        if (options.QueueCapacity <= 0 || options.Workers <= 0 || options.MaxBodyBytes <= 0)
        {
            errors.Add("Slack:QueueCapacity, Slack:Workers and Slack:MaxBodyBytes must be positive.");
        }

        if (options.ModalBudget <= TimeSpan.Zero || options.ModalBudget >= TimeSpan.FromSeconds(3))
        {
            errors.Add("Slack:ModalBudget must be under Slack's 3 seconds.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    // Keys by id for rotation: each of the right shape, ids plain, and the current id naming a key that is there.
    private static void TokenKeys(List<string> errors, SlackOptions options)
    {
        foreach (var (id, key) in options.TokenEncryptionKeys)
        {
            if (!KeyIdShape().IsMatch(id) || id == SlackOptions.DefaultKeyId)
            {
                errors.Add($"Slack:TokenEncryptionKeys has a key id that is not allowed: use 1 to 32 letters, digits or dashes, and not \"{SlackOptions.DefaultKeyId}\" (the id of Slack:TokenEncryptionKey).");
            }

            Add(errors, SecretCheck.Problem("Slack:TokenEncryptionKeys:" + id, key, SecretShape.Key256));
        }

        var current = options.TokenEncryptionKeyId ?? SlackOptions.DefaultKeyId;
        var exists = current == SlackOptions.DefaultKeyId ? SecretCheck.IsSet(options.TokenEncryptionKey) : options.TokenEncryptionKeys.ContainsKey(current);
        if (options.HasTokenKeys && !exists)
        {
            errors.Add($"Slack:TokenEncryptionKeyId names key \"{current}\", which is not set. Set Slack:TokenEncryptionKeys:{current} (or Slack:TokenEncryptionKey for \"{SlackOptions.DefaultKeyId}\").");
        }
    }

    private static void Add(List<string> errors, string? problem)
    {
        if (problem is not null)
        {
            errors.Add(problem);
        }
    }

    [GeneratedRegex(@"^[0-9]{1,20}\.[0-9]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClientIdShape();

    [GeneratedRegex("^[A-Za-z0-9-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyIdShape();
}
