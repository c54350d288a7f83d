using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Features;

/// <summary>
/// Keeps the group's member list in step with the conversation: people who join are added (or made
/// active again, keeping their role), people who leave are marked inactive rather than deleted, so their
/// ticks, actions and role history still name them.
/// </summary>
public sealed class MemberRoster : IConversationEventHandler
{
    /// <summary>
    /// Most people handled in one event. A save holds at most 100 records; anyone beyond this is added
    /// the first time they use the bot instead.
    /// </summary>
    public const int MaxPerTurn = 90;

    /// <inheritdoc />
    public bool Handles(TurnKind kind) => kind is TurnKind.MembersAdded or TurnKind.MembersRemoved;

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var person in context.Turn.MembersChanged.Take(MaxPerTurn))
        {
            if (context.Turn.Kind == TurnKind.MembersAdded)
            {
                Roster.Touch(context, person);
                continue;
            }

            if (context.State.Find<MemberRecord>(MemberRecord.KeyFor(person.Id)) is { Active: true } existing)
            {
                context.State.Put(existing with { Active = false });
            }
        }

        return ValueTask.CompletedTask;
    }
}
