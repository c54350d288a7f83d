using CommunityPlanning.Conversations.Meetings;
using CommunityPlanning.Storage;

namespace CommunityPlanning.Bot.Meetings;

/// <summary>The host's part of meetings: signed minutes links and the automatic close.</summary>
internal static class MeetingsHost
{
    /// <summary>
    /// Registers minutes links (replacing the stand-in; signed by the host's link signer, see <c>AddLinks</c>) and
    /// the background service that closes meetings left open (the open-meetings index comes with AddStorage).
    /// </summary>
    public static WebApplicationBuilder AddMeetingsHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MinutesOptions>()
            .Bind(builder.Configuration.GetSection(MinutesOptions.Section))
            .Validate(o => o.LinkLifetime >= TimeSpan.FromMinutes(1) && o.LinkLifetime <= TimeSpan.FromDays(90), "Minutes:LinkLifetime must be between a minute and 90 days.")
            .ValidateOnStart();
        services.AddSingleton<MinutesLinks>();
        services.AddSingleton<IMinutesLinks>(sp => sp.GetRequiredService<MinutesLinks>());
        services.AddSingleton<MeetingAutoCloser>();
        services.AddHostedService<MeetingAutoCloseService>();
        return builder;
    }
}
