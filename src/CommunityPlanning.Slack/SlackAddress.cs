namespace CommunityPlanning.Slack;

/// <summary>The keys of a Slack conversation's address (Turn.Address and the stored conversation reference).</summary>
public static class SlackAddress
{
    /// <summary>The channel id of Slack turns and references.</summary>
    public const string Channel = "slack";

    /// <summary>The workspace (team) id.</summary>
    public const string TeamId = "teamId";

    /// <summary>The organisation (Enterprise Grid) id, when the workspace belongs to one.</summary>
    public const string EnterpriseId = "enterpriseId";

    /// <summary>The channel or direct message id.</summary>
    public const string ChannelId = "channelId";

    /// <summary>The address of a channel in a workspace (with its organisation, when it has one).</summary>
    public static IReadOnlyDictionary<string, string> For(string teamId, string channelId, string? enterpriseId = null)
    {
        var address = new Dictionary<string, string>(StringComparer.Ordinal) { [TeamId] = teamId, [ChannelId] = channelId };
        if (!string.IsNullOrEmpty(enterpriseId))
        {
            address[EnterpriseId] = enterpriseId;
        }

        return address;
    }

    /// <summary>True for a direct message channel (ids starting with D).</summary>
    public static bool IsDirectMessage(string channelId) => channelId.StartsWith('D');
}
