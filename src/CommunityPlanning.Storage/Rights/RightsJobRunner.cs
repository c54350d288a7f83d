using System.Security.Cryptography;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Turns;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Storage.Rights;

/// <summary>
/// Runs stored data-rights jobs (<see cref="RightsJobs"/>): each is claimed with an ETag-guarded update, so one
/// instance works on it at a time; a claim left for <see cref="RetentionOptions.ClaimTimeout"/> (the instance
/// died) may be taken over. Every step is idempotent, so a job stopped part-way is simply run again from the
/// start and the row is deleted only when everything is done.
/// </summary>
public sealed partial class RightsJobRunner(
    RightsJobs jobs,
    PersonGroupsTable personGroups,
    DataHolders holders,
    IEnumerable<IProactiveMessenger> messengers,
    RetentionOptions options,
    OutboxOptions instance,
    TimeProvider clock,
    ILogger<RightsJobRunner> logger)
{
    /// <summary>
    /// How long a job waits after it was asked for: the request's own turn (its reply, its redelivery marker) is saved
    /// by then, so a delete never races the save that asked for it.
    /// </summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(10);

    private readonly IProactiveMessenger[] _messengers = messengers.ToArray();

    /// <summary>Runs every job not claimed by someone else; returns how many finished.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var done = 0;
        foreach (var stored in await jobs.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var now = clock.GetUtcNow();
            if (now < stored.Request.RequestedAt + SettleTime || stored.ClaimedUntil > now || await jobs.TryClaimAsync(stored, instance.InstanceId, now + options.ClaimTimeout, cancellationToken).ConfigureAwait(false) is not { } job)
            {
                continue;
            }

            try
            {
                await RunAsync(job, cancellationToken).ConfigureAwait(false);
                await jobs.DeleteAsync(job, cancellationToken).ConfigureAwait(false);
                LogDone(logger, job.Request.Type, job.Request.GroupId);
                done++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The claim runs out and the job is taken up again from the start.
                LogFailed(logger, ex, job.Request.Type, job.Request.GroupId);
            }
        }

        return done;
    }

    private async Task RunAsync(RightsJob job, CancellationToken cancellationToken)
    {
        var request = job.Request;
        if (request.Type == RightsJobs.DeleteGroup)
        {
            await holders.DeleteGroupAsync(request.GroupId, cancellationToken).ConfigureAwait(false);
            await TellDeletedAsync(request, cancellationToken).ConfigureAwait(false);
            return;
        }

        var person = request.Person ?? throw new InvalidOperationException("A forget job without its person.");
        if (job.Groups is null || job.Placeholder is null)
        {
            // Fixed once, before anything is erased: erasing removes the rows that say where the person is.
            var groups = new SortedSet<string>(StringComparer.Ordinal) { request.GroupId };
            foreach (var key in person.IndexKeys)
            {
                if (await personGroups.FindAsync(key, cancellationToken).ConfigureAwait(false) is { } found)
                {
                    groups.UnionWith(found.Groups);
                }
            }

            job = await jobs.FixAsync(job, [.. groups], "former-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), cancellationToken).ConfigureAwait(false);
        }

        await holders.ErasePersonAsync(new PersonErasure(job.Id, person, job.Groups!, job.Placeholder!, request.RequestedAt), cancellationToken).ConfigureAwait(false);
    }

    private async Task TellDeletedAsync(RightsRequest request, CancellationToken cancellationToken)
    {
        if (request.Reference is not { } reference || _messengers.FirstOrDefault(m => m.Serves(reference.Channel)) is not { } messenger)
        {
            return;
        }

        var reply = new Reply { Text = $"{request.CommunityName ?? "The"}'s plan is deleted: nothing of it is stored any more. Type \"start\" to begin a new plan." };
        var result = await messenger.SendToGroupAsync(reference, reply, cancellationToken).ConfigureAwait(false);
        if (result != ProactiveResult.Sent)
        {
            LogNotTold(logger, request.GroupId, result);
        }
    }

    [LoggerMessage(EventId = 2901, Level = LogLevel.Information, Message = "Finished a {Type} data-rights job for group {GroupId}")]
    private static partial void LogDone(ILogger logger, string type, string groupId);

    [LoggerMessage(EventId = 2902, Level = LogLevel.Warning, Message = "A {Type} data-rights job for group {GroupId} stopped; it runs again when its claim ends")]
    private static partial void LogFailed(ILogger logger, Exception exception, string type, string groupId);

    [LoggerMessage(EventId = 2903, Level = LogLevel.Warning, Message = "Group {GroupId} was deleted but the final message ended as {Result}")]
    private static partial void LogNotTold(ILogger logger, string groupId, ProactiveResult result);
}
