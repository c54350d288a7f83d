using System.Globalization;
using System.Text.Json;
using CommunityPlanning.Conversations.Rosters;
using CommunityPlanning.Teams.Protocol;

namespace CommunityPlanning.Teams.Connector;

/// <summary>
/// A Teams conversation's members from the Connector: <c>GET v3/conversations/{id}/pagedmembers</c> (500 a
/// page, following <c>continuationToken</c>) and the single-member call <c>GET v3/conversations/{id}/members/{userId}</c>
/// (404: not a member). For a channel the id is the team's (its roster is the team's); for a chat, the chat's.
/// </summary>
public sealed class TeamsChannelRoster(ConnectorClient connector) : IChannelRoster
{
    /// <summary>Members asked for per page (the Connector's maximum).</summary>
    public const int PageSize = 500;

    /// <summary>Most pages followed (a runaway continuation token must not page forever).</summary>
    public const int MaxPages = 40;

    /// <inheritdoc />
    public bool Serves(string channel, IReadOnlyDictionary<string, string> address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return string.Equals(channel, "msteams", StringComparison.Ordinal)
            && address.ContainsKey(TeamsAddress.ServiceUrl) && address.ContainsKey(TeamsAddress.ConversationId);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RosterPerson>> ReadAllAsync(IReadOnlyDictionary<string, string> address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        var (serviceUrl, id) = Target(address);
        var people = new List<RosterPerson>();
        string? token = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"v3/conversations/{Uri.EscapeDataString(id)}/pagedmembers?pageSize={PageSize}")
                + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token));
            using var body = await ReadAsync(serviceUrl, path, cancellationToken).ConfigureAwait(false)
                ?? throw new RosterUnavailableException("The conversation was not found.");
            var root = body.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("members", out var members) && members.ValueKind == JsonValueKind.Array)
            {
                people.AddRange(members.EnumerateArray().Select(Person).OfType<RosterPerson>());
            }

            token = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("continuationToken", out var next) && next.ValueKind == JsonValueKind.String
                ? next.GetString()
                : null;
            if (string.IsNullOrEmpty(token))
            {
                return people;
            }
        }

        return people;
    }

    /// <inheritdoc />
    public async Task<RosterPerson?> FindAsync(IReadOnlyDictionary<string, string> address, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var (serviceUrl, id) = Target(address);
        using var body = await ReadAsync(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(id)}/members/{Uri.EscapeDataString(userId)}", cancellationToken).ConfigureAwait(false);
        return body is null ? null : Person(body.RootElement);
    }

    private static (string ServiceUrl, string Id) Target(IReadOnlyDictionary<string, string> address) =>
        (address[TeamsAddress.ServiceUrl], address.GetValueOrDefault(TeamsAddress.TeamId) ?? address[TeamsAddress.ConversationId]);

    private async Task<JsonDocument?> ReadAsync(string serviceUrl, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await connector.ReadAsync(serviceUrl, path, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex)
        {
            throw new RosterUnavailableException(ex.Status is { } status ? $"the Connector answered {(int)status}" : "the Connector could not be called", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new RosterUnavailableException("the Connector could not be reached", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RosterUnavailableException("the Connector timed out", ex);
        }
    }

    // A Teams channel account: id (29:…), name, aadObjectId, userRole ("user", "guest", "anonymous").
    private static RosterPerson? Person(JsonElement member)
    {
        if (member.ValueKind != JsonValueKind.Object || Text(member, "id") is not { Length: > 0 } id)
        {
            return null;
        }

        var role = Text(member, "userRole");
        return new RosterPerson(id, Conversations.Turns.MentionText.Clean(Text(member, "name") ?? string.Empty).Trim() is { Length: > 0 } name ? name : "Someone")
        {
            AadObjectId = Text(member, "aadObjectId"),
            UserRole = role,
            Guest = string.Equals(role, "guest", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
