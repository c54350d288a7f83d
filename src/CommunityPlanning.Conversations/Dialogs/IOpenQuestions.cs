namespace CommunityPlanning.Conversations.Dialogs;

/// <summary>
/// Answers, cheaply and without writing, whether a person has a question open in a group: the test an
/// adapter applies to a plain channel message (one that does not mention the bot) before anything is
/// queued, loaded or stored. One point read of the person's <c>dialog|user</c> row, never the group.
/// </summary>
public interface IOpenQuestions
{
    /// <summary>
    /// True when <paramref name="userId"/> has a question waiting for an answer in the group (not put
    /// aside, and not idle past <see cref="Domain.Journey.DialogState.IdleLimit"/> at <paramref name="now"/>).
    /// </summary>
    Task<bool> IsWaitingForAsync(string groupId, string userId, DateTimeOffset now, CancellationToken cancellationToken = default);
}
