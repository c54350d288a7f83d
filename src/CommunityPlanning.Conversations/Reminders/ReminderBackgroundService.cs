using CommunityPlanning.Domain.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Conversations.Reminders;

/// <summary>Runs the <see cref="ReminderDispatcher"/> every <see cref="ReminderOptions.Interval"/> on the injected clock, once storage is ready.</summary>
public sealed partial class ReminderBackgroundService(
    ReminderDispatcher dispatcher,
    ReminderOptions options,
    TimeProvider clock,
    ILogger<ReminderBackgroundService> logger,
    IStorageReadiness? readiness = null) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (readiness is not null)
        {
            await readiness.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        using var timer = new PeriodicTimer(options.Interval, clock);
        do
        {
            try
            {
                await dispatcher.RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad pass (storage briefly unreachable) must not stop reminders for good.
                LogPassFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 1110, Level = LogLevel.Error, Message = "A reminder pass failed; trying again at the next tick")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
