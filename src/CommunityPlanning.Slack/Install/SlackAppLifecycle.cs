using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Dormancy;
using CommunityPlanning.Conversations.Installations;
using CommunityPlanning.Slack.Api;
using CommunityPlanning.Slack.Inbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack.Install;

/// <summary>
/// The app leaving a workspace. <c>app_uninstalled</c> removes the workspace's installation and makes its groups
/// dormant (no reminders, digests or automatic posts; data kept). <c>tokens_revoked</c> does the same only when
/// <c>tokens.bot</c> lists the bot's own user id (people revoking their own tokens changes nothing for the bot).
/// Both are idempotent, so a retry from Slack does no harm. Installing again wakes the groups.
/// </summary>
internal sealed partial class SlackAppLifecycle(
    ISlackTokenSource tokens,
    SlackBotIdentity bot,
    GroupDormancy dormancy,
    IOptions<SlackOptions> options,
    ILogger<SlackAppLifecycle> logger,
    IInstallationStore? installations = null)
{
    /// <summary>True for the events this class handles.</summary>
    public static bool Handles(string? eventType) => eventType is "app_uninstalled" or "tokens_revoked";

    /// <summary>Handles an event_callback whose event is <c>app_uninstalled</c> or <c>tokens_revoked</c>.</summary>
    public async Task HandleAsync(JsonObject payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var team = payload.Str("team_id");
        var evt = payload.Obj("event");
        if (string.IsNullOrEmpty(team) || evt is null)
        {
            return;
        }

        var workspace = new SlackWorkspace(team, payload.Str("enterprise_id"));
        var organisationWide = payload.Arr("authorizations").Objects().Any(a => a["is_enterprise_install"]?.GetValueKind() == JsonValueKind.True);
        switch (evt.Str("type"))
        {
            case "app_uninstalled":
                await RemoveAsync(workspace, organisationWide, "uninstalled", cancellationToken).ConfigureAwait(false);
                break;
            case "tokens_revoked":
                var revoked = evt.Obj("tokens").Arr("bot")?.Select(n => n?.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : null).ToHashSet(StringComparer.Ordinal) ?? [];
                var ours = (await tokens.GetAsync(workspace, cancellationToken).ConfigureAwait(false))?.BotUserId ?? bot.UserIdIn(workspace);
                if (ours is not null && revoked.Contains(ours))
                {
                    await RemoveAsync(workspace, organisationWide, "tokens-revoked", cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    LogRevokedOthers(logger);
                }

                break;
        }
    }

    private async Task RemoveAsync(SlackWorkspace workspace, bool organisationWide, string reason, CancellationToken cancellationToken)
    {
        if (options.Value.MultiWorkspace && installations is not null)
        {
            var removed = await installations.DeleteAsync(Installation.TeamScope, workspace.TeamId, cancellationToken).ConfigureAwait(false);
            if (organisationWide && workspace.EnterpriseId is { Length: > 0 } enterprise)
            {
                removed |= await installations.DeleteAsync(Installation.EnterpriseScope, enterprise, cancellationToken).ConfigureAwait(false);
            }

            LogRemoved(logger, reason, removed);
        }

        tokens.Forget(workspace);
        await dormancy.SetWorkspaceAsync(SlackAddress.Channel, workspace.TeamId, dormant: true, reason, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 4757, Level = LogLevel.Information, Message = "Slack app left a workspace ({Reason}); installation removed: {Removed}")]
    private static partial void LogRemoved(ILogger logger, string reason, bool removed);

    [LoggerMessage(EventId = 4758, Level = LogLevel.Debug, Message = "Slack tokens_revoked did not list the bot's token; nothing to do")]
    private static partial void LogRevokedOthers(ILogger logger);
}
