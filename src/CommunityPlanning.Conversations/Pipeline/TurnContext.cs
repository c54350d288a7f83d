using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Conversations.Pipeline;

/// <summary>
/// One run of a turn: the turn, the group's state as loaded, the clock, and the replies so far.
/// Handlers change <see cref="State"/> and add replies; nothing is sent until the state is saved.
/// </summary>
public sealed class TurnContext
{
    private readonly List<Reply> _replies = [];

    /// <summary>Creates a context for one attempt at a turn.</summary>
    public TurnContext(Turn turn, GroupState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(state);
        Turn = turn;
        State = state;
        Now = now;
    }

    /// <summary>The turn being handled.</summary>
    public Turn Turn { get; }

    /// <summary>The group's state; changes are saved atomically at the end of the turn.</summary>
    public GroupState State { get; }

    /// <summary>The time the turn is handled at.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The group's plan, once started.</summary>
    public PlanRecord? Plan => State.Find<PlanRecord>(PlanRecord.Kind);

    /// <summary>The replies to send once the turn is saved.</summary>
    public IReadOnlyList<Reply> Replies => _replies;

    /// <summary>Adds a reply.</summary>
    public void Add(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        _replies.Add(reply);
    }

    /// <summary>Adds a plain text reply.</summary>
    public void Say(string text) => Add(Reply.Say(text));

    /// <summary>Adds a card reply.</summary>
    public void Show(Card card, ReplyMode mode = ReplyMode.New) => Add(new Reply { Card = card, Mode = mode });

    /// <summary>Action data for a card in this group: the group id plus the given pairs.</summary>
    public IReadOnlyDictionary<string, string> Data(params (string Key, string Value)[] pairs)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [Submission.GroupKey] = State.GroupId };
        foreach (var (key, value) in pairs)
        {
            data[key] = value;
        }

        return data;
    }
}
