using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;

namespace CommunityPlanning.Conversations.Dormancy;

/// <summary>
/// The bot removed from a conversation (Teams <c>installationUpdate</c> remove, or the bot in
/// <c>membersRemoved</c>) makes its group dormant. Waking is done by <see cref="TurnRouter"/> for every other turn,
/// since any activity from the conversation proves the bot is there again.
/// </summary>
public sealed class DormancyEvents(TimeProvider clock) : IConversationEventHandler
{
    /// <inheritdoc />
    public bool Handles(TurnKind kind) => kind == TurnKind.BotRemoved;

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        Dormancy.Sleep(context.State, clock.GetUtcNow(), "bot-removed");
        return ValueTask.CompletedTask;
    }
}
