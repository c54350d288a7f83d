using CommunityPlanning.Conversations.Work;
using CommunityPlanning.Slack.Work;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Slack.Inbound;

/// <summary>What became of a request the endpoint tried to store.</summary>
internal enum IntakeResult
{
    /// <summary>Stored and queued: acknowledge it.</summary>
    Queued,

    /// <summary>The same delivery is stored already (Slack's retry): acknowledge it and ask for no more retries.</summary>
    Repeat,

    /// <summary>Storage did not take it in time: Slack should try again.</summary>
    Failed,
}

/// <summary>
/// Stores a Slack request's raw body and queues it before Slack is answered, so a crash after the
/// answer loses nothing; then wakes this instance's worker so the turn starts at once.
/// </summary>
internal sealed partial class SlackWorkIntake(IWorkQueue store, SlackQueueSignal signal, TimeProvider clock, ILogger<SlackWorkIntake> logger)
{
    // Slack waits 3 seconds for the answer; storing must leave room for it.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public async Task<IntakeResult> StoreAsync(InboundWork work, string kind, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var budget = new CancellationTokenSource(Budget, clock);
        try
        {
            if (!await store.TryEnqueueAsync(new NewWork(SlackWorkReader.KeyOf(work), kind, body), budget.Token).ConfigureAwait(false))
            {
                return IntakeResult.Repeat;
            }
        }
#pragma warning disable CA1031 // Any storage failure means the same thing here: Slack is asked to retry.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogStoreFailed(logger, kind, ex);
            return IntakeResult.Failed;
        }

        signal.Nudge();
        return IntakeResult.Queued;
    }

    [LoggerMessage(EventId = 4170, Level = LogLevel.Error, Message = "Could not store a Slack request ({Kind}); Slack is asked to try again")]
    private static partial void LogStoreFailed(ILogger logger, string kind, Exception exception);
}
