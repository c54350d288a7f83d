using System.Text.Json.Nodes;

namespace CommunityPlanning.Slack.Rendering;

/// <summary>One Slack message: the notification text and its Block Kit blocks.</summary>
/// <param name="Text">Plain fallback text (shown in notifications), already escaped for mrkdwn.</param>
/// <param name="Blocks">The blocks (at most 50).</param>
public sealed record SlackMessage(string Text, JsonArray Blocks);
