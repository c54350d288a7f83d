using Azure.Core;
using Azure.Identity;
using CommunityPlanning.Bot.Links;
using CommunityPlanning.Bot.Playground;
using CommunityPlanning.Bot.Meetings;
using CommunityPlanning.Bot.Plans;
using CommunityPlanning.Bot.Progress;
using CommunityPlanning.Bot.Rights;
using CommunityPlanning.Bot.Surveys;
using CommunityPlanning.Conversations;
using CommunityPlanning.Slack;
using CommunityPlanning.Storage;
using CommunityPlanning.Teams;
using CommunityPlanning.Teams.Hosting;

namespace CommunityPlanning.Bot.Hosting;

/// <summary>The composition root: the one place that knows every concrete type.</summary>
internal static class ApplicationServices
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(TimeProvider.System);
        services.AddConversations();
        services.AddStorage(configuration, () => AzureCredential(configuration));
        services.AddTeams(configuration);
        services.AddSlack(configuration);
        services.AddReminderDispatcher(options => configuration.GetSection("Reminders").Bind(options));
        services.AddRosters();
        services.AddOutboxDispatcher(options => configuration.GetSection(Conversations.Outbox.OutboxOptions.Section).Bind(options));
        builder.AddLinks();
        builder.AddMeetingsHost();
        builder.AddRightsHost();
        builder.AddSurveysHost();
        builder.AddPlanDocumentsHost();
        builder.AddProgressPictures();
        services.AddSingleton<SitePages>();
        builder.AddTelemetry();
        if (builder.Environment.IsDevelopment())
        {
            services.AddPlayground();
        }

        return builder;
    }

    public static WebApplication MapChannelEndpoints(this WebApplication app)
    {
        app.MapTeamsEndpoints();
        app.MapSlackEndpoints();
        app.MapPlayground();
        app.MapMinutesApi();
        app.MapRightsApi();
        app.MapSurveyUploadApi();
        app.MapPlanDocumentsApi();
        app.MapProgressPictureApi();
        return app;
    }

    // In Azure the bot's user-assigned managed identity (AZURE_CLIENT_ID) reaches storage; no keys anywhere.
    private static TokenCredential AzureCredential(IConfiguration configuration)
    {
        var clientId = configuration["AZURE_CLIENT_ID"] ?? configuration["MicrosoftAppId"];
        return string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
    }
}
