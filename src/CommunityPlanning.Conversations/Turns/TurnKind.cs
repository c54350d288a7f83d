namespace CommunityPlanning.Conversations.Turns;

/// <summary>What happened in a turn.</summary>
public enum TurnKind
{
    /// <summary>Someone sent a message to the bot.</summary>
    Message,

    /// <summary>Someone pressed a button or submitted a form on a card.</summary>
    Submit,

    /// <summary>The bot was added to the conversation.</summary>
    BotAdded,

    /// <summary>The bot was removed from the conversation (uninstalled): the group becomes dormant.</summary>
    BotRemoved,

    /// <summary>People joined the conversation.</summary>
    MembersAdded,

    /// <summary>People left the conversation.</summary>
    MembersRemoved,

    /// <summary>A Teams meeting started in this conversation.</summary>
    MeetingStarted,

    /// <summary>A Teams meeting ended in this conversation.</summary>
    MeetingEnded,
}
