using CommunityPlanning.Conversations.Rights;
using CommunityPlanning.Domain.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Conversations.Rosters;

/// <summary>
/// Does roster work after turns, in the background: pages the whole roster on install and at most once a
/// day after (claimed with an ETag in the roster table, so one instance pages it), and keeps it current as
/// people join and leave. A failed page (403, 429, 5xx, a timeout) is recorded with a retry time; the next
/// turn in the group after that asks again. Mentions never wait for any of this: they are checked one by one.
/// People who asked to be forgotten (<see cref="ISuppressionList"/>) are not added back until they speak again.
/// </summary>
public sealed partial class RosterRefresher(
    RosterQueue queue,
    IRosterStore store,
    IEnumerable<IChannelRoster> channels,
    TimeProvider clock,
    ILogger<RosterRefresher> logger,
    IStorageReadiness? readiness = null,
    ISuppressionList? suppressed = null) : BackgroundService
{
    /// <summary>How often the whole roster is paged again.</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromDays(1);

    /// <summary>How long a refresh claim holds before another instance may take it over.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    /// <summary>How long after a failed page the roster is tried again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(15);

    /// <summary>How long one page-through may take.</summary>
    public static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(60);

    private readonly IChannelRoster[] _channels = channels.ToArray();

    /// <summary>Does one piece of work; failures are logged, never thrown.</summary>
    public async Task RunAsync(RosterWork work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var channel = _channels.FirstOrDefault(c => c.Serves(work.Channel, work.Address));
        if (channel is null)
        {
            return;
        }

        try
        {
            switch (work.Kind)
            {
                case RosterWorkKind.Joined:
                    await store.PutAsync(work.GroupId, await NotSuppressedAsync(work, work.People.Select(p => new RosterPerson(p.Id, p.Name)).ToList(), cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                    break;
                case RosterWorkKind.Left:
                    await store.RemoveAsync(work.GroupId, work.People.Select(p => p.Id).ToList(), cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await RefreshAsync(channel, work, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, ex, work.GroupId, work.Kind);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (readiness is not null)
        {
            await readiness.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await RunAsync(work, stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                queue.Done(work);
            }
        }
    }

    private async Task RefreshAsync(IChannelRoster channel, RosterWork work, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var staleBefore = work.Kind == RosterWorkKind.Install ? now : now - RefreshEvery;
        if (!await store.TryClaimRefreshAsync(work.GroupId, now, staleBefore, ClaimFor, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        IReadOnlyList<RosterPerson> people;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(PageTimeout);
            try
            {
                people = await channel.ReadAllAsync(work.Address, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RosterUnavailableException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                LogPageFailed(logger, work.GroupId, ex.Message);
                await store.FinishRefreshAsync(work.GroupId, clock.GetUtcNow(), clock.GetUtcNow() + RetryAfter, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        people = await NotSuppressedAsync(work, people, cancellationToken).ConfigureAwait(false);
        await store.PutAsync(work.GroupId, people, cancellationToken).ConfigureAwait(false);
        var listed = people.Select(p => p.UserId).ToHashSet(StringComparer.Ordinal);
        var gone = new List<string>();
        await foreach (var person in store.ListAsync(work.GroupId, cancellationToken).ConfigureAwait(false))
        {
            if (!listed.Contains(person.UserId))
            {
                gone.Add(person.UserId);
            }
        }

        await store.RemoveAsync(work.GroupId, gone, cancellationToken).ConfigureAwait(false);
        await store.FinishRefreshAsync(work.GroupId, clock.GetUtcNow(), null, cancellationToken).ConfigureAwait(false);
        LogPaged(logger, work.GroupId, people.Count, gone.Count);
    }

    // A forgotten person's marker is looked up by each of their ids; markers are few, and this runs in the background.
    private async Task<IReadOnlyList<RosterPerson>> NotSuppressedAsync(RosterWork work, IReadOnlyList<RosterPerson> people, CancellationToken cancellationToken)
    {
        if (suppressed is null)
        {
            return people;
        }

        var kept = new List<RosterPerson>(people.Count);
        foreach (var person in people)
        {
            if (await suppressed.IsSuppressedAsync(work.Channel, work.Tenant, person.UserId, cancellationToken).ConfigureAwait(false)
                || (person.AadObjectId is { Length: > 0 } aad && await suppressed.IsSuppressedAsync(work.Channel, work.Tenant, aad, cancellationToken).ConfigureAwait(false)))
            {
                continue;
            }

            kept.Add(person);
        }

        return kept;
    }

    [LoggerMessage(EventId = 1710, Level = LogLevel.Information, Message = "Paged the roster of group {GroupId}: {Count} people, {Gone} gone")]
    private static partial void LogPaged(ILogger logger, string groupId, int count, int gone);

    [LoggerMessage(EventId = 1711, Level = LogLevel.Warning, Message = "Could not page the roster of group {GroupId} ({Reason}); trying again later")]
    private static partial void LogPageFailed(ILogger logger, string groupId, string reason);

    [LoggerMessage(EventId = 1712, Level = LogLevel.Warning, Message = "Roster work {Kind} for group {GroupId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string groupId, RosterWorkKind kind);
}
