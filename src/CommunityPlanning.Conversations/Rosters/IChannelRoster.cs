namespace CommunityPlanning.Conversations.Rosters;

/// <summary>A channel's member list for a conversation (Teams Connector, Slack Web API).</summary>
public interface IChannelRoster
{
    /// <summary>True when this roster serves the channel (and the address holds what it needs).</summary>
    bool Serves(string channel, IReadOnlyDictionary<string, string> address);

    /// <summary>Every member of the conversation, following the channel's paging to the end.</summary>
    /// <exception cref="RosterUnavailableException">The channel refused or failed (403, 429, 5xx, a timeout).</exception>
    Task<IReadOnlyList<RosterPerson>> ReadAllAsync(IReadOnlyDictionary<string, string> address, CancellationToken cancellationToken = default);

    /// <summary>One person, when they are a member; null when the channel says they are not.</summary>
    /// <exception cref="RosterUnavailableException">The channel could not say.</exception>
    Task<RosterPerson?> FindAsync(IReadOnlyDictionary<string, string> address, string userId, CancellationToken cancellationToken = default);
}

/// <summary>The channel could not list or check members just now; try again later.</summary>
public sealed class RosterUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RosterUnavailableException()
    {
    }

    /// <summary>Creates the exception with a reason.</summary>
    public RosterUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and cause.</summary>
    public RosterUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
