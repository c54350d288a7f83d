using CommunityPlanning.Conversations.Rosters;

namespace CommunityPlanning.Slack.Api;

/// <summary>
/// A Slack channel's members: conversations.members (cursor paging) for who is in it, users.info (cached) for
/// names and guests. Bots and deactivated accounts are left out. Every call names the workspace.
/// </summary>
internal sealed class SlackChannelRoster(SlackApiClient api, SlackUserDirectory users) : IChannelRoster
{
    /// <summary>Most pages followed (200 members each).</summary>
    public const int MaxPages = 50;

    /// <inheritdoc />
    public bool Serves(string channel, IReadOnlyDictionary<string, string> address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return string.Equals(channel, SlackAddress.Channel, StringComparison.Ordinal)
            && address.TryGetValue(SlackAddress.ChannelId, out var id) && !SlackAddress.IsDirectMessage(id)
            && address.ContainsKey(SlackAddress.TeamId);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RosterPerson>> ReadAllAsync(IReadOnlyDictionary<string, string> address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        var people = new List<RosterPerson>();
        await foreach (var id in MemberIdsAsync(address, cancellationToken).ConfigureAwait(false))
        {
            if (await PersonAsync(SlackWorkspace.Of(address), id, cancellationToken).ConfigureAwait(false) is { } person)
            {
                people.Add(person);
            }
        }

        return people;
    }

    /// <inheritdoc />
    public async Task<RosterPerson?> FindAsync(IReadOnlyDictionary<string, string> address, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        await foreach (var id in MemberIdsAsync(address, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(id, userId, StringComparison.Ordinal))
            {
                return await PersonAsync(SlackWorkspace.Of(address), id, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    private async IAsyncEnumerable<string> MemberIdsAsync(IReadOnlyDictionary<string, string> address, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var workspace = SlackWorkspace.Of(address);
        var channel = address[SlackAddress.ChannelId];
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            SlackMemberPage members;
            try
            {
                members = await api.GetChannelMembersAsync(workspace, channel, cursor, cancellationToken).ConfigureAwait(false);
            }
            catch (SlackApiException ex)
            {
                throw new RosterUnavailableException("Slack answered " + ex.Error, ex);
            }
            catch (HttpRequestException ex)
            {
                throw new RosterUnavailableException("Slack could not be reached", ex);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new RosterUnavailableException("Slack timed out", ex);
            }

            foreach (var id in members.UserIds)
            {
                yield return id;
            }

            cursor = members.NextCursor;
            if (cursor is null)
            {
                yield break;
            }
        }
    }

    private async Task<RosterPerson?> PersonAsync(SlackWorkspace workspace, string userId, CancellationToken cancellationToken)
    {
        var user = await users.UserAsync(workspace, userId, cancellationToken).ConfigureAwait(false);
        return user switch
        {
            { NotAPerson: true } => null,
            null => new RosterPerson(userId, userId),
            _ => new RosterPerson(userId, user.Name) { Guest = user.Guest, UserRole = user.Guest ? "guest" : "user" },
        };
    }
}
