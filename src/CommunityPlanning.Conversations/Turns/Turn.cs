using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Turns;

/// <summary>
/// One thing that happened in a conversation, in channel-neutral terms. Adapters build it after
/// authenticating the request; the core never sees a channel's own payload.
/// </summary>
public sealed record Turn
{
    /// <summary>What happened.</summary>
    public required TurnKind Kind { get; init; }

    /// <summary>Where it happened.</summary>
    public required ConversationKey Conversation { get; init; }

    /// <summary>Who did it.</summary>
    public required MemberRef From { get; init; }

    /// <summary>The sender's directory id when the channel gives one (Teams: the Entra object id), for data rights.</summary>
    public string? FromDirectoryId { get; init; }

    /// <summary>The message text with the bot's own mention removed and other mentions as plain names.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>People mentioned in the message, other than the bot, in order of appearance.</summary>
    public IReadOnlyList<MemberRef> Mentions { get; init; } = [];

    /// <summary>
    /// What the channel's roster said about each mentioned person (by the id in <see cref="Mentions"/>); a
    /// person missing here was not checked.
    /// </summary>
    public IReadOnlyDictionary<string, MentionCheck> MentionChecks { get; init; } = new Dictionary<string, MentionCheck>();

    /// <summary>The card action, for <see cref="TurnKind.Submit"/>.</summary>
    public Submission? Submission { get; init; }

    /// <summary>People who joined or left, for member turns.</summary>
    public IReadOnlyList<MemberRef> MembersChanged { get; init; } = [];

    /// <summary>The channel's id for this delivery (activity id, event id), used to drop redeliveries.</summary>
    public string? TurnId { get; init; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>True in a one-to-one chat with the bot.</summary>
    public bool IsPersonal { get; init; }

    /// <summary>
    /// The channel's details for reaching this conversation again (see
    /// <see cref="Proactive.ConversationReferenceRecord"/>); empty when the channel gives none.
    /// </summary>
    public IReadOnlyDictionary<string, string> Address { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The channel's id of the message a card action came from (Teams replyToId, Slack message ts), so a reply
    /// can update that card for everyone; null when unknown.
    /// </summary>
    public string? SourceMessageId { get; init; }

    /// <summary>
    /// True when the card action came from a message only this person sees (a Slack ephemeral message): a
    /// reply that replaces it goes to them privately, never to the whole conversation.
    /// </summary>
    public bool SourceIsPrivate { get; init; }

    /// <summary>True when the channel takes one reply in its answer to this request (a Teams invoke response).</summary>
    public bool AnswersInline { get; init; }

    /// <summary>What the roster said about a mentioned person.</summary>
    public MentionCheck CheckOf(string userId) => MentionChecks.GetValueOrDefault(userId, MentionCheck.Unchecked);

    /// <summary>
    /// False for a plain message in a channel or group chat that did not mention the bot. The adapter lets
    /// one through only when its sender has an open question here (<see cref="Dialogs.IOpenQuestions"/>),
    /// and then it can only answer (or stop) that question: it never runs a command.
    /// </summary>
    public bool Addressed { get; init; } = true;
}
