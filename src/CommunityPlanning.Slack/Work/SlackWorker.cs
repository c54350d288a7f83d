using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack.Work;

/// <summary>Works through the Slack queue: one loop per lane, each turn on its own time limit.</summary>
internal sealed partial class SlackWorker(
    SlackWorkQueue queue,
    SlackTurnRunner runner,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    ILogger<SlackWorker> logger) : BackgroundService
{
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
                await runner.RunAsync(work, linked.Token, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            var left = 0;
            while (lane.TryRead(out _))
            {
                left++;
            }

            if (left > 0)
            {
                LogLeftAtShutdown(logger, left);
            }
        }
    }

    [LoggerMessage(EventId = 4150, Level = LogLevel.Warning, Message = "{Count} Slack requests were still queued when the bot stopped")]
    private static partial void LogLeftAtShutdown(ILogger logger, int count);
}
