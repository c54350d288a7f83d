using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Slack.Rendering;

namespace CommunityPlanning.Slack.Inbound;

/// <summary>
/// The "Fill in the form" button on a form posted in a channel: it carries the group and the message
/// that asked for the form, and runs that message again with a trigger id so the form opens as a modal.
/// </summary>
internal static class SlackFormOpen
{
    public const string Verb = "slack.form.open";
    public const string TextKey = "t";

    // Leaves room in the 2,000-character button value for the group id and escaping.
    private const int MaxText = 1000;

    public static ActionValue? For(ConversationKey conversation, string? text) =>
        text is null || text.Length > MaxText
            ? null
            : new ActionValue(Verb, new Dictionary<string, string>(StringComparer.Ordinal) { [Submission.GroupKey] = conversation.GroupId, [TextKey] = text });
}
