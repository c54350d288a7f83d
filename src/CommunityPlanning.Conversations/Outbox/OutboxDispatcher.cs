using System.Collections.Concurrent;
using System.Threading.Channels;
using CommunityPlanning.Domain.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Conversations.Outbox;

/// <summary>
/// Finishes outbox rows left over: every <see cref="OutboxOptions.Interval"/> it goes through the groups on the
/// pending list (never every partition), and at once for a group it is nudged about (a redelivered turn, a turn
/// saved behind waiting replies, and again when the work those replies waited for has ended). Rows are claimed with
/// versions, so several instances can run it. Starts once storage is ready.
/// </summary>
public sealed partial class OutboxDispatcher(
    OutboxDelivery delivery,
    IOutboxStore store,
    OutboxOptions options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger,
    IStorageReadiness? readiness = null,
    IHostApplicationLifetime? lifetime = null) : BackgroundService
{
    private readonly Channel<string> _nudges = Channel.CreateBounded<string>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    // Groups found with no rows, left alone for a while (a hint only: forgetting it costs a look, never a row).
    private readonly QuietGroups _quiet = new(delivery);

    /// <summary>Asks for the group's rows to be done soon, off the caller's path.</summary>
    public void Nudge(string groupId)
    {
        _quiet.Wake(groupId);
        _nudges.Writer.TryWrite(groupId);
    }

    /// <summary>One pass over every pending group; returns how many rows were finished.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await store.FlushDoneAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFlushFailed(logger, ex);
        }

        var groups = new List<string>();
        await foreach (var group in store.PendingGroupsAsync(cancellationToken).ConfigureAwait(false))
        {
            groups.Add(group);
        }

        // A listed group found empty is looked at again after the quiet interval, not at every tick: most listings
        // outlive their rows by minutes. Groups no longer listed are forgotten.
        _quiet.KeepOnly(groups);

        var finished = 0;
        foreach (var group in groups)
        {
            var now = clock.GetUtcNow();
            if (_quiet.IsQuiet(group, now))
            {
                continue;
            }

            try
            {
                var leftBefore = _quiet.Leftovers;
                var (done, empty) = await delivery.DrainAsync(group, cancellationToken).ConfigureAwait(false);
                finished += done;
                if (empty)
                {
                    _quiet.Quiet(group, now + options.QuietInterval, leftBefore);
                }
                else
                {
                    _quiet.Wake(group);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogGroupFailed(logger, ex, group);
            }
        }

        return finished;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (readiness is not null)
        {
            await readiness.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        // Stop taking rows as soon as the host starts stopping, not only when this service is told to: rows handed back
        // by the stopping host's own turns are for the next instance, not for this one to claim again.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime?.ApplicationStopping ?? CancellationToken.None);
        delivery.GroupFreed += Nudge;
        try
        {
            await Task.WhenAll(TickAsync(stopping.Token), NudgedAsync(stopping.Token)).ConfigureAwait(false);
        }
        finally
        {
            delivery.GroupFreed -= Nudge;
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Finished rows whose delete was put off: gone before the host stops, so no one sends them again.
            await store.FlushDoneAsync(all: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFlushFailed(logger, ex);
        }
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, clock);
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPassFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task NudgedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var group in _nudges.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await delivery.DrainGroupAsync(group, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogGroupFailed(logger, ex, group);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 1310, Level = LogLevel.Error, Message = "An outbox pass failed; trying again at the next tick")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1950, Level = LogLevel.Warning, Message = "Deleting finished outbox rows failed; they stay claimed and are tried again at the next pass")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1311, Level = LogLevel.Warning, Message = "Working through group {GroupId}'s outbox failed; trying again at the next tick")]
    private static partial void LogGroupFailed(ILogger logger, Exception exception, string groupId);

    /// <summary>
    /// The groups this dispatcher found with no rows, each left alone until a time. This instance's own leftovers (a
    /// send waiting for its backoff, rows behind another send, rows handed back) end a group's quiet at once, and a pass
    /// that drained a group while leftovers appeared does not make it quiet: the rows may have come after its look.
    /// </summary>
    private sealed class QuietGroups
    {
        private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new(StringComparer.Ordinal);
        private long _leftovers;

        public QuietGroups(OutboxDelivery delivery) => delivery.RowsLeft += group =>
        {
            Interlocked.Increment(ref _leftovers);
            Wake(group);
        };

        /// <summary>How many times this instance has left rows behind so far.</summary>
        public long Leftovers => Interlocked.Read(ref _leftovers);

        public bool IsQuiet(string group, DateTimeOffset now) => _until.TryGetValue(group, out var until) && until > now;

        /// <summary>Leaves the group alone until <paramref name="until"/>, unless rows were left behind since <paramref name="leftoversBefore"/>.</summary>
        public void Quiet(string group, DateTimeOffset until, long leftoversBefore)
        {
            _until[group] = until;
            if (Leftovers != leftoversBefore)
            {
                Wake(group);
            }
        }

        public void Wake(string group) => _until.TryRemove(group, out _);

        /// <summary>Forgets groups no longer listed.</summary>
        public void KeepOnly(IReadOnlyCollection<string> listed)
        {
            foreach (var group in _until.Keys.Except(listed, StringComparer.Ordinal).ToList())
            {
                Wake(group);
            }
        }
    }
}
