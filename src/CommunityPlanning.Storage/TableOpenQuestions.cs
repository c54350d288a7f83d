using Azure.Data.Tables;
using CommunityPlanning.Conversations.Dialogs;
using CommunityPlanning.Domain.Journey;

namespace CommunityPlanning.Storage;

/// <summary>
/// <see cref="IOpenQuestions"/> as one point read of the person's <c>dialog|user</c> row in the group's
/// partition (the row the dialog engine keeps anyway), selecting only the record's columns. Nothing is
/// written, whatever the answer.
/// </summary>
public sealed class TableOpenQuestions(TableClient table, RecordMapper mapper) : IOpenQuestions
{
    /// <inheritdoc />
    public async Task<bool> IsWaitingForAsync(string groupId, string userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var rowKey = KeyCodec.Encode(DialogState.KeyFor(userId));
        if (rowKey.Length > KeyCodec.MaxLength)
        {
            return false;
        }

        var row = await table.GetEntityIfExistsAsync<TableEntity>(groupId, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue
            && mapper.ToRecord(row.Value!) is DialogState { SetAside: false, PromptId: not null } dialog
            && !dialog.IsIdle(now);
    }
}
