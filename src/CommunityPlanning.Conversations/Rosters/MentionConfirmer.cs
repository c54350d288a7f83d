using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Conversations.Rosters;

/// <summary>
/// Confirms a message's mentions against the group's roster before the turn runs: a mention is a candidate,
/// not proof (Teams mentions also name tags, channels and people outside the team; Slack lets anyone in the
/// workspace be mentioned). The roster table is asked first (a point read per mention); someone it does not
/// know is checked with the channel's single-member call, and added when found. When neither can say, the
/// mention stays unchecked and the core asks before trusting it. Also hands each saved turn's roster work to
/// the background refresher, off the reply's path.
/// </summary>
public sealed partial class MentionConfirmer(
    IRosterStore store,
    IEnumerable<IChannelRoster> channels,
    RosterQueue queue,
    TimeProvider clock,
    ILogger<MentionConfirmer> logger)
{
    /// <summary>Most mentions checked in one message; more are left unchecked.</summary>
    public const int MaxChecked = 10;

    /// <summary>How long the channel's member check may take for one mention.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(4);

    /// <summary>How long this instance leaves a group's refresh marker alone after looking at it.</summary>
    public static readonly TimeSpan LookInterval = TimeSpan.FromHours(1);

    private const int MaxRemembered = 10_000;
    private readonly IChannelRoster[] _channels = channels.ToArray();

    // A cache that saves a marker read per turn; losing it costs one read, never correctness.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _nextLook = new(StringComparer.Ordinal);

    /// <summary>The turn with its mentions checked (and ids mapped to the channel's user ids).</summary>
    public async Task<Turn> ConfirmAsync(Turn turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Kind != TurnKind.Message || turn.Mentions.Count == 0 || ChannelFor(turn) is not { } channel)
        {
            return turn;
        }

        var groupId = turn.Conversation.GroupId;
        var mentions = new List<MemberRef>(turn.Mentions.Count);
        var checks = new Dictionary<string, MentionCheck>(StringComparer.Ordinal);
        foreach (var mention in turn.Mentions)
        {
            if (checks.Count >= MaxChecked)
            {
                mentions.Add(mention);
                continue;
            }

            var (check, person) = await CheckAsync(channel, turn, groupId, mention, cancellationToken).ConfigureAwait(false);
            var confirmed = person is null ? mention : new MemberRef(person.UserId, mention.Name is { Length: > 0 } and not "Someone" ? mention.Name : person.Name);
            if (mentions.All(m => m.Id != confirmed.Id))
            {
                mentions.Add(confirmed);
            }

            checks[confirmed.Id] = check;
        }

        return turn with { Mentions = mentions, MentionChecks = checks };
    }

    /// <summary>Hands a saved turn's roster work to the background refresher (never waits on the channel).</summary>
    public void AfterSave(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.IsPersonal || ChannelFor(turn) is null)
        {
            return;
        }

        var groupId = turn.Conversation.GroupId;
        var now = clock.GetUtcNow();
        RosterWork? work = turn.Kind switch
        {
            TurnKind.BotAdded => Work(RosterWorkKind.Install, turn),
            TurnKind.MembersAdded => Work(RosterWorkKind.Joined, turn),
            TurnKind.MembersRemoved => Work(RosterWorkKind.Left, turn),
            _ when _nextLook.TryGetValue(groupId, out var next) && next > now => null,
            _ => Work(RosterWorkKind.RefreshIfDue, turn),
        };
        if (work is null)
        {
            return;
        }

        if (work.Kind is RosterWorkKind.RefreshIfDue or RosterWorkKind.Install)
        {
            if (_nextLook.Count >= MaxRemembered)
            {
                _nextLook.Clear();
            }

            _nextLook[groupId] = now + LookInterval;
        }

        if (!queue.Enqueue(work))
        {
            LogQueueFull(logger, groupId);
        }
    }

    private IChannelRoster? ChannelFor(Turn turn) => _channels.FirstOrDefault(c => c.Serves(turn.Conversation.Channel, turn.Address));

    private static RosterWork Work(RosterWorkKind kind, Turn turn) =>
        new(kind, turn.Conversation.GroupId, turn.Conversation.Channel, turn.Conversation.Tenant, turn.Address, turn.MembersChanged);

    private async Task<(MentionCheck Check, RosterPerson? Person)> CheckAsync(IChannelRoster channel, Turn turn, string groupId, MemberRef mention, CancellationToken cancellationToken)
    {
        try
        {
            if (await store.FindAsync(groupId, mention.Id, cancellationToken).ConfigureAwait(false) is { } known)
            {
                return (MentionCheck.InConversation, known);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The channel can still answer.
            LogStoreFailed(logger, ex, groupId);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        RosterPerson? found;
        try
        {
            found = await channel.FindAsync(turn.Address, mention.Id, timeout.Token).ConfigureAwait(false);
        }
        catch (RosterUnavailableException ex)
        {
            LogCheckFailed(logger, groupId, ex.Message);
            return (MentionCheck.Unchecked, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogCheckFailed(logger, groupId, "timed out");
            return (MentionCheck.Unchecked, null);
        }

        if (found is null)
        {
            return (MentionCheck.NotInConversation, null);
        }

        try
        {
            await store.PutAsync(groupId, [found], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStoreFailed(logger, ex, groupId);
        }

        return (MentionCheck.InConversation, found);
    }

    [LoggerMessage(EventId = 1700, Level = LogLevel.Warning, Message = "Could not check a mention against the roster of group {GroupId}: {Reason}")]
    private static partial void LogCheckFailed(ILogger logger, string groupId, string reason);

    [LoggerMessage(EventId = 1701, Level = LogLevel.Warning, Message = "Could not read or write the roster of group {GroupId}")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, string groupId);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Warning, Message = "Roster work for group {GroupId} was dropped: the queue is full (the next turn asks again)")]
    private static partial void LogQueueFull(ILogger logger, string groupId);
}
