using CommunityPlanning.Conversations.Meetings;
using CommunityPlanning.Domain.Ports;

namespace CommunityPlanning.Bot.Meetings;

/// <summary>Runs the <see cref="MeetingAutoCloser"/> once storage is ready and then every <see cref="Interval"/> on the injected clock.</summary>
internal sealed partial class MeetingAutoCloseService(MeetingAutoCloser closer, IStorageReadiness readiness, TimeProvider clock, ILogger<MeetingAutoCloseService> logger) : BackgroundService
{
    /// <summary>How often open meetings are checked; a meeting closes at most this long after its six hours.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await closer.RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage briefly unreachable (or the table not created yet) must not stop the service for good.
                LogPassFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "A pass closing left-open meetings failed; trying again at the next tick")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
