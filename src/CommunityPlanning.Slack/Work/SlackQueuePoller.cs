using CommunityPlanning.Conversations.Work;
using CommunityPlanning.Slack.Inbound;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack.Work;

/// <summary>
/// Takes stored Slack work from the durable queue (any instance's) and hands it to the conversation
/// lanes, in the order taken, so one conversation's turns run in order on this instance. Work taken
/// more than <see cref="SlackQueueOptions.MaxDequeueCount"/> times goes to the poison queue; work whose
/// body is gone was finished already and is deleted.
/// </summary>
internal sealed partial class SlackQueuePoller(
    IWorkQueue store,
    SlackWorkQueue lanes,
    SlackWorkReader reader,
    SlackQueueSignal signal,
    IOptions<SlackOptions> slack,
    IOptions<SlackQueueOptions> options,
    TimeProvider clock,
    ILogger<SlackQueuePoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!slack.Value.Enabled)
        {
            return;
        }

        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var room = settings.MaxHeld - signal.Held;
            var took = 0;
            if (room > 0)
            {
                try
                {
                    took = await TakeAsync(Math.Min(room, 32), settings, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // Storage being away is waited out, whatever the exception.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogPollFailed(logger, ex);
                }
            }

            if (took == 0)
            {
                await signal.WaitAsync(settings.PollInterval, clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<int> TakeAsync(int max, SlackQueueOptions settings, CancellationToken stoppingToken)
    {
        var received = await store.ReceiveAsync(max, settings.VisibilityTimeout, stoppingToken).ConfigureAwait(false);
        foreach (var item in received)
        {
            if (item.DequeueCount > settings.MaxDequeueCount)
            {
                await store.PoisonAsync(item, $"Taken {item.DequeueCount} times without finishing.", stoppingToken).ConfigureAwait(false);
                LogPoisoned(logger, item.Key, item.Kind, item.DequeueCount);
                continue;
            }

            if (item.Body is null)
            {
                LogAlreadyDone(logger, item.Key);
                await store.CompleteAsync(item, stoppingToken).ConfigureAwait(false);
                continue;
            }

            if (reader.Read(item.Kind, item.Body) is not { } work)
            {
                // Work the endpoint accepted but this version cannot read (mid-deploy, say): it is tried
                // again, and moved aside if it never succeeds.
                LogUnreadable(logger, item.Key, item.Kind);
                await store.ReleaseAsync(item, settings.RetryDelay * item.DequeueCount, stoppingToken).ConfigureAwait(false);
                continue;
            }

            signal.Took(1);
            if (!lanes.TryEnqueue(new StoredWork(work, item)))
            {
                signal.Finished();
                await store.ReleaseAsync(item, settings.RetryDelay, stoppingToken).ConfigureAwait(false);
            }
        }

        return received.Count;
    }

    [LoggerMessage(EventId = 4180, Level = LogLevel.Error, Message = "Slack work {Key} ({Kind}) was taken {Count} times without finishing; moved to the poison queue")]
    private static partial void LogPoisoned(ILogger logger, string key, string kind, long count);

    [LoggerMessage(EventId = 4181, Level = LogLevel.Debug, Message = "Slack work {Key} was finished already; its message is deleted")]
    private static partial void LogAlreadyDone(ILogger logger, string key);

    [LoggerMessage(EventId = 4182, Level = LogLevel.Warning, Message = "Stored Slack work {Key} ({Kind}) could not be read; it will be tried again")]
    private static partial void LogUnreadable(ILogger logger, string key, string kind);

    [LoggerMessage(EventId = 4183, Level = LogLevel.Warning, Message = "Could not take Slack work from the queue; trying again shortly")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
