using System.Security.Cryptography;
using CommunityPlanning.Conversations.Meetings;
using CommunityPlanning.Storage;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Bot.Meetings;

/// <summary>The host's part of meetings: signed minutes links and the automatic close.</summary>
internal static partial class MeetingsHost
{
    /// <summary>
    /// Registers minutes links (replacing the stand-in) and the background service that closes meetings left
    /// open (the open-meetings index comes with AddStorage). Outside Development
    /// <c>Minutes:SigningKey</c> and <c>PublicBaseUrl</c> are required and checked at start-up.
    /// </summary>
    public static WebApplicationBuilder AddMeetingsHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var development = builder.Environment.IsDevelopment();
        services.AddOptions<MinutesLinkOptions>()
            .Bind(builder.Configuration.GetSection(MinutesLinkOptions.Section))
            .Configure<IConfiguration>((o, configuration) =>
            {
                if (Uri.TryCreate(configuration["PublicBaseUrl"], UriKind.Absolute, out var url))
                {
                    o.PublicBaseUrl = url;
                }
            })
            .Validate(o => development || o.KeyBytes() is not null, "Set Minutes:SigningKey (at least 32 random characters, or base64 of 32 random bytes): it signs minutes download links.")
            .Validate(o => development || o.PublicBaseUrl is { Scheme: "https" }, "Set PublicBaseUrl to the bot's public https address (e.g. https://planbot.example.org): minutes download links point there.")
            .Validate(o => o.LinkLifetime > TimeSpan.Zero && o.LinkLifetime <= TimeSpan.FromDays(90), "Minutes:LinkLifetime must be between a minute and 90 days.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MinutesLinkOptions>>().Value;
            var key = options.KeyBytes();
            if (key is null)
            {
                // Development only (validated above): links stop working when the host restarts.
                LogDevelopmentKey(sp.GetRequiredService<ILogger<MinutesLinkSigner>>());
                key = RandomNumberGenerator.GetBytes(32);
            }

            return new MinutesLinkSigner(key, options.PublicBaseUrl ?? MinutesLinkOptions.DevelopmentBaseUrl, options.LinkLifetime);
        });
        services.AddSingleton<IMinutesLinks>(sp => sp.GetRequiredService<MinutesLinkSigner>());
        services.AddSingleton<MeetingAutoCloser>();
        services.AddHostedService<MeetingAutoCloseService>();
        return builder;
    }

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "No Minutes:SigningKey is set, so minutes links are signed with a random key made at start-up: links stop working when the host restarts. Set one outside Development.")]
    private static partial void LogDevelopmentKey(ILogger logger);
}
