using CommunityPlanning.Domain.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Storage.Rights;

/// <summary>
/// Runs stored data-rights jobs every <see cref="RetentionOptions.JobInterval"/>,
/// and the retention sweep every <see cref="RetentionOptions.SweepInterval"/>, once storage is ready.
/// </summary>
internal sealed partial class RightsBackgroundService(
    RightsJobRunner runner,
    RetentionSweeper sweeper,
    RetentionOptions options,
    IStorageReadiness readiness,
    TimeProvider clock,
    ILogger<RightsBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken).ConfigureAwait(false);
        var nextSweep = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            // A job waits a moment anyway (RightsJobRunner.SettleTime), so the first pass comes one interval after start.
            await Task.Delay(options.JobInterval, clock, stoppingToken).ConfigureAwait(false);
            try
            {
                await runner.RunOnceAsync(stoppingToken).ConfigureAwait(false);
                if (clock.GetUtcNow() >= nextSweep)
                {
                    nextSweep = clock.GetUtcNow() + options.SweepInterval;
                    await sweeper.SweepSeenAsync(stoppingToken).ConfigureAwait(false);
                    await sweeper.SweepDormantAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 2907, Level = LogLevel.Warning, Message = "A data-rights or retention pass failed; trying again at the next pass")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
