namespace CommunityPlanning.Conversations.Turns;

/// <summary>What the channel said about a mentioned person before the turn ran.</summary>
public enum MentionCheck
{
    /// <summary>Not checked (the channel has no roster, or asking it failed): the core asks before trusting them.</summary>
    Unchecked,

    /// <summary>The roster or the channel's member check says they are in the conversation.</summary>
    InConversation,

    /// <summary>The channel says they are not in the conversation: nothing may be given or sent to them.</summary>
    NotInConversation,
}
