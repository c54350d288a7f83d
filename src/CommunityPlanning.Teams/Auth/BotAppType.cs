namespace CommunityPlanning.Teams.Auth;

/// <summary>How the bot's Entra app registration is set up (config key <c>MicrosoftAppType</c>).</summary>
public enum BotAppType
{
    /// <summary>A multi-tenant app: tokens come from the botframework.com tenant.</summary>
    MultiTenant = 0,

    /// <summary>A single-tenant app: tokens come from the bot's own tenant (<c>MicrosoftAppTenantId</c>).</summary>
    SingleTenant = 1,

    /// <summary>A user-assigned managed identity whose client id is <c>MicrosoftAppId</c>.</summary>
    UserAssignedMSI = 2,
}
