namespace CommunityPlanning.Teams.Protocol;

/// <summary>Names of the address details stored for reaching a Teams conversation again.</summary>
public static class TeamsAddress
{
    /// <summary>The Connector service URL.</summary>
    public const string ServiceUrl = "serviceUrl";

    /// <summary>The conversation id.</summary>
    public const string ConversationId = "conversationId";

    /// <summary>The tenant id.</summary>
    public const string TenantId = "tenantId";

    /// <summary>The bot's id in the channel.</summary>
    public const string BotId = "botId";

    /// <summary>The bot's name.</summary>
    public const string BotName = "botName";

    /// <summary>The channel id (msteams, webchat…).</summary>
    public const string ChannelId = "channelId";

    /// <summary>The team's id (channelData.team.id), for a channel in a team: its roster is the team's.</summary>
    public const string TeamId = "teamId";
}
