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
        if (SecretCheck.IsUnresolvedKeyVaultReference(options.ClientId))
        {
            errors.Add("Slack:ClientId is a Key Vault reference that App Service could not resolve. Check the secret and the app's access to the vault.");
        }
        else if (SecretCheck.IsSet(options.ClientId) && !ClientIdShape().IsMatch(options.ClientId!))
        {
            errors.Add("Slack:ClientId is not a Slack client id (digits, a dot, digits). Copy it from the app's Basic Information page.");
        }

        var oauth = new[] { options.ClientId, options.ClientSecret, options.TokenEncryptionKey };
        if (oauth.Any(SecretCheck.IsSet) && !oauth.All(SecretCheck.IsSet))
        {
            errors.Add("The multi-workspace install needs Slack:ClientId, Slack:ClientSecret and Slack:TokenEncryptionKey together. Set all three, or none.");
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

    private static void Add(List<string> errors, string? problem)
    {
        if (problem is not null)
        {
            errors.Add(problem);
        }
    }

    [GeneratedRegex(@"^[0-9]{1,20}\.[0-9]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClientIdShape();
}
