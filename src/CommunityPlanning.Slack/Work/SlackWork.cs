using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Conversations.Work;
using CommunityPlanning.Slack.Inbound;
using CommunityPlanning.Slack.Rendering;

namespace CommunityPlanning.Slack.Work;

/// <summary>Where replies to a Slack request go, and what the request offers for them.</summary>
/// <param name="TeamId">The workspace.</param>
/// <param name="ChannelId">The channel (or direct message) the request came from.</param>
/// <param name="UserId">The person who acted.</param>
internal sealed record SlackTarget(string TeamId, string ChannelId, string UserId)
{
    /// <summary>The organisation (Enterprise Grid) the workspace belongs to, if any.</summary>
    public string? EnterpriseId { get; init; }

    /// <summary>The workspace, whose token every call for this request uses.</summary>
    public SlackWorkspace Workspace => new(TeamId, EnterpriseId);

    /// <summary>A trigger id for views.open (usable once, for 3 seconds).</summary>
    public string? TriggerId { get; init; }

    /// <summary>The message the action came from: a ReplaceSource reply updates it.</summary>
    public string? SourceTs { get; init; }

    /// <summary>True when the action came from an ephemeral message: a reply replacing it stays private.</summary>
    public bool SourcePrivate { get; init; }

    /// <summary>The message a modal opened now should replace with its result.</summary>
    public string? ModalReplaceTs { get; init; }

    /// <summary>A slash command's or message shortcut's response_url, for answering where the bot is not a member.</summary>
    public Uri? ResponseUrl { get; init; }

    /// <summary>The thread (a message's ts) new messages are posted in, or null for the channel itself.</summary>
    public string? ThreadTs { get; init; }

    /// <summary>True for a message shortcut: a modal that cannot be opened is explained through the response_url.</summary>
    public bool FromShortcut { get; init; }

    /// <summary>What a "Fill in the form" button sends to open a form again (null when it cannot).</summary>
    public ActionValue? FormOrigin { get; init; }
}

/// <summary>Something to do after Slack has been answered.</summary>
internal abstract record SlackWork(SlackTarget Target)
{
    /// <summary>Work for one conversation is done in order.</summary>
    public string Lane => Target.TeamId + "/" + Target.ChannelId;
}

/// <summary>A message or card action to run as turns, then answer.</summary>
/// <param name="Target">Where replies go.</param>
/// <param name="TurnId">The delivery's id (event id, trigger id), for de-duplication.</param>
/// <param name="UserName">The name the request gave, used when users.info cannot be asked.</param>
/// <param name="Text">The message text (Slack markup), for a message.</param>
/// <param name="Submissions">The card actions, for a button or checkbox change.</param>
/// <param name="BotUserId">The bot's user id, when the request named it.</param>
internal sealed record InboundWork(
    SlackTarget Target,
    string TurnId,
    string? UserName,
    string? Text,
    IReadOnlyList<Submission> Submissions,
    string? BotUserId) : SlackWork(Target)
{
    /// <summary>For member_joined_channel / member_left_channel: the person (<see cref="SlackTarget.UserId"/>) joined (true) or left (false).</summary>
    public bool? Joined { get; init; }

    /// <summary>
    /// False for a plain channel message that did not mention the bot (message.channels / message.groups):
    /// it is taken in only when its sender has an open question there, and then only answers that question.
    /// </summary>
    public bool Addressed { get; init; } = true;

    /// <summary>For the "Make an action" message shortcut: the message it was used on.</summary>
    public SlackShortcutMessage? FromMessage { get; init; }
}

/// <summary>Replies of a turn already running (a modal submission), to send when it finishes.</summary>
/// <param name="Target">Where replies go.</param>
/// <param name="Outcome">The turn.</param>
/// <param name="ModalClosed">True when the modal was closed before the turn finished: forms are reported as text.</param>
internal sealed record DeliveryWork(SlackTarget Target, Task<TurnOutcome> Outcome, bool ModalClosed) : SlackWork(Target);

/// <summary>Inbound work taken from the durable queue: finished, it is deleted; failed, it is released for a retry.</summary>
/// <param name="Inbound">The work read from the stored request.</param>
/// <param name="Item">The queue's handle on it.</param>
internal sealed record StoredWork(InboundWork Inbound, ReceivedWork Item) : SlackWork(Inbound.Target);
