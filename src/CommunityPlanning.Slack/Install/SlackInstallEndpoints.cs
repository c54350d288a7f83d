using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Dormancy;
using CommunityPlanning.Conversations.Installations;
using CommunityPlanning.Conversations.Security;
using CommunityPlanning.Slack.Api;
using CommunityPlanning.Slack.Inbound;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack.Install;

/// <summary>
/// Slack's OAuth v2 install for many workspaces. <c>GET /api/slack/install</c> shows an "Add to Slack" button whose
/// link carries a signed, expiring <c>state</c>; <c>GET /api/slack/oauth/callback</c> checks that state first (400,
/// nothing stored, when it is forged, foreign or expired), exchanges the code with <c>oauth.v2.access</c>, seals the
/// bot token and stores the installation for the workspace (or organisation), then wakes the workspace's dormant
/// groups. A failed exchange shows a clear page and stores nothing.
/// </summary>
internal sealed partial class SlackInstallEndpoints(
    SlackOAuthState states,
    SlackApiClient api,
    SlackTokenProtector protector,
    ISlackTokenSource tokens,
    IInstallationStore installations,
    GroupDormancy dormancy,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    ILogger<SlackInstallEndpoints> logger)
{
    /// <summary>Slack's page where a person allows the app.</summary>
    public static readonly Uri AuthorizeUrl = new("https://slack.com/oauth/v2/authorize");

    public IResult Install(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var query = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["client_id"] = options.Value.ClientId,
            ["scope"] = options.Value.InstallScopes,
            ["state"] = states.Create(),
            ["redirect_uri"] = RedirectUri(http.Request).AbsoluteUri,
        };
        return SlackInstallPages.Install(new Uri(QueryHelpers.AddQueryString(AuthorizeUrl.AbsoluteUri, query)));
    }

    public async Task<IResult> CallbackAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var query = http.Request.Query;
        if (!states.IsValid(query["state"].ToString()))
        {
            LogBadState(logger);
            return SlackInstallPages.BadState();
        }

        if (!string.IsNullOrEmpty(query["error"]))
        {
            return SlackInstallPages.Cancelled();
        }

        var code = query["code"].ToString();
        if (string.IsNullOrEmpty(code) || code.Length > 500)
        {
            return SlackInstallPages.NoCode();
        }

        JsonObject response;
        try
        {
            response = await api.ExchangeCodeAsync(code, RedirectUri(http.Request), http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or TaskCanceledException && !http.RequestAborted.IsCancellationRequested)
        {
            LogExchangeFailed(logger, ex is SlackApiException slack ? slack.Error : ex.GetType().Name);
            return SlackInstallPages.ExchangeFailed();
        }

        if (Read(response) is not { } granted)
        {
            LogExchangeFailed(logger, "unexpected_response");
            return SlackInstallPages.ExchangeFailed();
        }

        var (sealedToken, keyId) = protector.Seal(granted.Token, granted.Installation.Scope, granted.Installation.Id);
        var installation = granted.Installation with { SealedToken = sealedToken, KeyId = keyId, InstalledAt = clock.GetUtcNow() };
        try
        {
            await installations.SaveAsync(installation, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotSaved(logger, ex);
            return SlackInstallPages.NotSaved();
        }

        var workspace = new SlackWorkspace(installation.Scope == Installation.TeamScope ? installation.Id : string.Empty, installation.EnterpriseId);
        tokens.Forget(workspace);
        LogInstalled(logger, installation.Scope, keyId);
        if (installation.Scope == Installation.TeamScope)
        {
            await WakeAsync(installation.Id).ConfigureAwait(false);
        }

        return SlackInstallPages.Installed(installation.Name ?? "your workspace");
    }

    // The groups of a workspace installed again wake with their data; one that fails wakes at its next message.
    private async Task WakeAsync(string teamId)
    {
        try
        {
            await dormancy.SetWorkspaceAsync(SlackAddress.Channel, teamId, dormant: false, "installed").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWakeFailed(logger, ex);
        }
    }

    private Uri RedirectUri(HttpRequest request) =>
        options.Value.RedirectUri ?? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/api/slack/oauth/callback");

    // oauth.v2.access: { ok, access_token: "xoxb-…", token_type: "bot", scope, bot_user_id, app_id,
    // team: { id, name } | null, enterprise: { id, name } | null, is_enterprise_install }.
    private static Granted? Read(JsonObject response)
    {
        var token = response.Str("access_token");
        if (token is null || SecretCheck.Problem("access_token", token, SecretShape.SlackBotToken) is not null
            || (response.Str("token_type") is { } type && type != "bot"))
        {
            return null;
        }

        var enterprise = response.Obj("enterprise");
        var enterpriseId = enterprise.Str("id");
        var organisationWide = response["is_enterprise_install"]?.GetValueKind() == JsonValueKind.True;
        var team = response.Obj("team");
        var (scope, id, name) = organisationWide
            ? (Installation.EnterpriseScope, enterpriseId, enterprise.Str("name"))
            : (Installation.TeamScope, team.Str("id"), team.Str("name"));
        if (string.IsNullOrEmpty(id) || id.Length > 64)
        {
            return null;
        }

        return new Granted(token, new Installation(scope, id)
        {
            Name = name,
            EnterpriseId = enterpriseId,
            BotUserId = response.Str("bot_user_id"),
            Scopes = response.Str("scope"),
            SealedToken = string.Empty,
            KeyId = string.Empty,
        });
    }

    private sealed record Granted(string Token, Installation Installation);

    [LoggerMessage(EventId = 4752, Level = LogLevel.Warning, Message = "A Slack install callback had a forged, foreign or expired state; nothing was stored")]
    private static partial void LogBadState(ILogger logger);

    [LoggerMessage(EventId = 4753, Level = LogLevel.Warning, Message = "Slack's oauth.v2.access did not give a bot token ({Error}); nothing was stored")]
    private static partial void LogExchangeFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 4754, Level = LogLevel.Error, Message = "A Slack installation could not be stored")]
    private static partial void LogNotSaved(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4755, Level = LogLevel.Information, Message = "Slack app installed ({Scope}); token sealed with key {KeyId}")]
    private static partial void LogInstalled(ILogger logger, string scope, string keyId);

    [LoggerMessage(EventId = 4756, Level = LogLevel.Warning, Message = "Waking a re-installed Slack workspace's groups failed; each wakes at its next message")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception);
}
