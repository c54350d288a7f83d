namespace CommunityPlanning.Conversations.Installations;

/// <summary>
/// Where the bot keeps the workspaces it was installed into through OAuth (Slack's "Add to Slack" today), one per
/// workspace or organisation. The store never sees a token in clear: the channel seals it before saving.
/// </summary>
public interface IInstallationStore
{
    /// <summary>The installation, or null when the workspace has none.</summary>
    Task<Installation?> FindAsync(string scope, string id, CancellationToken cancellationToken = default);

    /// <summary>Stores the installation, replacing an earlier one of the same workspace (the newest install wins).</summary>
    Task SaveAsync(Installation installation, CancellationToken cancellationToken = default);

    /// <summary>Removes the installation; false when there was none.</summary>
    Task<bool> DeleteAsync(string scope, string id, CancellationToken cancellationToken = default);
}

/// <summary>One workspace's installation.</summary>
/// <param name="Scope">What <paramref name="Id"/> names: <see cref="TeamScope"/> or <see cref="EnterpriseScope"/>.</param>
/// <param name="Id">The workspace (team) id, or the organisation (enterprise) id for an organisation-wide install.</param>
public sealed record Installation(string Scope, string Id)
{
    /// <summary>An install into one workspace.</summary>
    public const string TeamScope = "team";

    /// <summary>An organisation-wide install (Enterprise Grid).</summary>
    public const string EnterpriseScope = "enterprise";

    /// <summary>The workspace's name, for logs and pages.</summary>
    public string? Name { get; init; }

    /// <summary>The organisation, when the workspace belongs to one.</summary>
    public string? EnterpriseId { get; init; }

    /// <summary>The bot's user id in that workspace.</summary>
    public string? BotUserId { get; init; }

    /// <summary>The bot token, sealed (encrypted and authenticated) by the channel.</summary>
    public required string SealedToken { get; init; }

    /// <summary>The id of the key that sealed the token, so keys can rotate.</summary>
    public required string KeyId { get; init; }

    /// <summary>The scopes granted.</summary>
    public string? Scopes { get; init; }

    /// <summary>When it was installed.</summary>
    public DateTimeOffset InstalledAt { get; init; }
}
