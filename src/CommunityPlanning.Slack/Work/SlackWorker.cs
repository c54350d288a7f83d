using System.Threading.Channels;
using CommunityPlanning.Conversations.Work;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack.Work;

/// <summary>
/// Works through the Slack lanes: one loop per lane, each turn on its own time limit. Stored work is
/// deleted from the durable queue once its turn has finished; if it failed it is released for a retry
/// later, and at shutdown it is released at once so another instance can take it.
/// </summary>
internal sealed partial class SlackWorker(
    SlackWorkQueue queue,
    SlackTurnRunner runner,
    IWorkQueue store,
    SlackQueueSignal signal,
    IOptions<SlackOptions> options,
    IOptions<SlackQueueOptions> queueOptions,
    TimeProvider clock,
    ILogger<SlackWorker> logger) : BackgroundService
{
    // Finishing with stored work must not wait on the stopping token, which is cancelled by then.
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(10);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(queue.Lanes.Select(lane => RunLaneAsync(lane, stoppingToken)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RunLaneAsync(ChannelReader<SlackWork> lane, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in lane.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                using var timeout = new CancellationTokenSource(options.Value.TurnTimeout, clock);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
                if (work is StoredWork stored)
                {
                    await RunStoredAsync(stored, linked.Token, stoppingToken).ConfigureAwait(false);
                }
                else
                {
                    await runner.RunAsync(work, linked.Token, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            var left = 0;
            while (lane.TryRead(out var work))
            {
                left++;
                if (work is StoredWork stored)
                {
                    await SettleAsync(stored, finished: false, TimeSpan.Zero).ConfigureAwait(false);
                }
            }

            if (left > 0)
            {
                LogLeftAtShutdown(logger, left);
            }
        }
    }

    private async Task RunStoredAsync(StoredWork stored, CancellationToken cancellationToken, CancellationToken stoppingToken)
    {
        var settings = queueOptions.Value;

        // The person is told only when this was the last try; earlier failures are retried quietly.
        var lastTry = stored.Item.DequeueCount >= settings.MaxDequeueCount;
        var finished = await runner.RunAsync(stored.Inbound, cancellationToken, stoppingToken, reportFailure: lastTry).ConfigureAwait(false);
        var retryAfter = stoppingToken.IsCancellationRequested ? TimeSpan.Zero : settings.RetryDelay * stored.Item.DequeueCount;
        await SettleAsync(stored, finished, retryAfter).ConfigureAwait(false);
    }

    private async Task SettleAsync(StoredWork stored, bool finished, TimeSpan retryAfter)
    {
        using var timeout = new CancellationTokenSource(SettleTimeout, clock);
        try
        {
            if (finished)
            {
                await store.CompleteAsync(stored.Item, timeout.Token).ConfigureAwait(false);
            }
            else
            {
                await store.ReleaseAsync(stored.Item, retryAfter, timeout.Token).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // Whatever went wrong, the message comes back when its visibility ends.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogSettleFailed(logger, stored.Item.Key, ex);
        }
        finally
        {
            signal.Finished();
        }
    }

    [LoggerMessage(EventId = 4150, Level = LogLevel.Warning, Message = "{Count} Slack requests were still queued when the bot stopped")]
    private static partial void LogLeftAtShutdown(ILogger logger, int count);

    [LoggerMessage(EventId = 4151, Level = LogLevel.Warning, Message = "Could not delete or release Slack work {Key}; it comes back when its visibility ends")]
    private static partial void LogSettleFailed(ILogger logger, string key, Exception exception);
}
