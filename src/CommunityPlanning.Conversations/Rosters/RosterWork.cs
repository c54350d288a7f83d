using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Rosters;

/// <summary>What a turn asks of the roster after its save.</summary>
public enum RosterWorkKind
{
    /// <summary>Page the whole roster if it is due (at most once a day).</summary>
    RefreshIfDue,

    /// <summary>The bot was just installed: page the roster now.</summary>
    Install,

    /// <summary>People joined.</summary>
    Joined,

    /// <summary>People left.</summary>
    Left,
}

/// <summary>One piece of roster work for the background refresher.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="GroupId">The group.</param>
/// <param name="Channel">The channel id.</param>
/// <param name="Tenant">The tenant or workspace id.</param>
/// <param name="Address">The conversation's address (as the turn carried it).</param>
/// <param name="People">Who joined or left.</param>
public sealed record RosterWork(RosterWorkKind Kind, string GroupId, string Channel, string Tenant, IReadOnlyDictionary<string, string> Address, IReadOnlyList<MemberRef> People);
