using System.Security.Cryptography;
using System.Text;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Domain.Surveys;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Conversations.Surveys;

/// <summary>How an import ended, for the upload page.</summary>
public enum SurveyImportOutcome
{
    /// <summary>Stored, and the totals posted to the group.</summary>
    Imported,

    /// <summary>This very file was imported before: nothing changed.</summary>
    AlreadyImported,

    /// <summary>The group has no plan (deleted since the link was made): nothing stored.</summary>
    NoPlan,

    /// <summary>The group kept changing, or storage could not be reached: nothing stored.</summary>
    Busy,
}

/// <summary>What the upload page tells the officer.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Results">The totals stored, when imported.</param>
public sealed record SurveyImportResult(SurveyImportOutcome Outcome, SurveyResults? Results = null);

/// <summary>
/// Stores an uploaded survey's totals in the group, as a turn would: load the group, tally against its
/// questionnaire, put the results, stage the reply to the group as outbox rows in the same atomic save (with a
/// turn id from the file's contents, so the same file twice is stored once), then deliver. On a concurrent change
/// it runs again from fresh state. A dormant group, or one whose channel cannot be reached, gets the results stored
/// without a post.
/// </summary>
public sealed partial class SurveyImport(
    IGroupStore store,
    IEnumerable<IProactiveMessenger> messengers,
    TimeProvider clock,
    ILogger<SurveyImport> logger,
    OutboxWriter? outbox = null,
    OutboxDelivery? delivery = null,
    IOutboxStore? pending = null)
{
    private readonly IProactiveMessenger[] _messengers = messengers.ToArray();

    /// <summary>Tallies <paramref name="table"/> into the group's results and posts them to the group.</summary>
    public async Task<SurveyImportResult> ImportAsync(string groupId, SurveyTable table, string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(content);
        var turnId = "survey-upload-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(groupId).Concat(content).ToArray()).AsSpan(0, 16));
        var nonce = Guid.NewGuid().ToString("N");
        for (var attempt = 1; attempt <= ConflictRetry.MaxAttempts; attempt++)
        {
            await ConflictRetry.PauseAsync(attempt, cancellationToken).ConfigureAwait(false);
            var state = await store.LoadAsync(groupId, cancellationToken).ConfigureAwait(false);
            if (state.Find<PlanRecord>(PlanRecord.Kind) is null)
            {
                return new SurveyImportResult(SurveyImportOutcome.NoPlan);
            }

            var now = clock.GetUtcNow();
            var questionnaire = state.Find<QuestionnaireRecord>(QuestionnaireRecord.Kind)?.Questions ?? [];
            var results = SurveyTally.Tally(table, questionnaire, fileName, now);
            state.Put(results);
            var rows = await StageAsync(state, Post(state, results), nonce, now, cancellationToken).ConfigureAwait(false);
            switch (await store.SaveAsync(state, turnId, nonce, cancellationToken).ConfigureAwait(false))
            {
                case SaveOutcome.Saved:
                    LogImported(logger, groupId, results.Questions.Count, results.Respondents);
                    if (rows.Count > 0 && delivery is not null)
                    {
                        // Whatever is not delivered now stays in the outbox for the dispatcher.
                        await delivery.DeliverSavedAsync(rows.Select(r => new OutboxEntry(state.GroupId, r, state.VersionOf(r.Key))).ToList(), cancellationToken).ConfigureAwait(false);
                    }

                    return new SurveyImportResult(SurveyImportOutcome.Imported, results);
                case SaveOutcome.Duplicate:
                    return new SurveyImportResult(SurveyImportOutcome.AlreadyImported);
                default:
                    continue;
            }
        }

        LogBusy(logger, groupId);
        return new SurveyImportResult(SurveyImportOutcome.Busy);
    }

    /// <summary>The reply the group gets: what came in and what to do next, with the totals card.</summary>
    public static Reply Announcement(SurveyResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var matched = results.Questions.Count - results.Unmatched.Count;
        return new Reply
        {
            Text = $"📊 Survey results are in from {results.FileName}: {results.Respondents} responses, {results.Questions.Count} questions ({matched} matched your questionnaire). {SurveyCards.NextSteps(results)}",
            Card = SurveyCards.Results(results),
        };
    }

    private (ConversationReferenceRecord Reference, IProactiveMessenger Messenger, Reply Reply)? Post(GroupState state, SurveyResults results)
    {
        if (Dormancy.Dormancy.IsDormant(state))
        {
            return null;
        }

        var reference = state.Find<ConversationReferenceRecord>(ConversationReferenceRecord.Kind);
        var messenger = reference is null ? null : _messengers.FirstOrDefault(m => m.Serves(reference.Channel));
        if (reference is null || messenger is null)
        {
            LogNoRoute(logger, state.GroupId);
            return null;
        }

        return (reference, messenger, Announcement(results));
    }

    private async Task<IReadOnlyList<OutboxRecord>> StageAsync(
        GroupState state, (ConversationReferenceRecord Reference, IProactiveMessenger Messenger, Reply Reply)? post, string nonce, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (outbox is null || post is not { } p || p.Messenger.GroupRenderer(p.Reference) is not { } renderer)
        {
            return [];
        }

        var rows = outbox.Stage(state, nonce, renderer, [new PlannedReply(p.Reply, DeliveryAction.Post)], now, proactive: true);
        if (rows.Count > 0 && pending is not null)
        {
            await pending.MarkPendingAsync(state.GroupId, cancellationToken).ConfigureAwait(false);
        }

        return rows;
    }

    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Imported survey results for group {GroupId}: {Questions} questions, {Respondents} responses")]
    private static partial void LogImported(ILogger logger, string groupId, int questions, int respondents);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Group {GroupId} kept changing while importing survey results; nothing stored")]
    private static partial void LogBusy(ILogger logger, string groupId);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "No way to reach group {GroupId}; its survey results were stored but not posted")]
    private static partial void LogNoRoute(ILogger logger, string groupId);
}
