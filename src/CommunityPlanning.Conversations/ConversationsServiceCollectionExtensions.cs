using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Journey;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Rights;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityPlanning.Conversations;

/// <summary>Registers the channel-neutral turn pipeline and its features.</summary>
public static class ConversationsServiceCollectionExtensions
{
    /// <summary>Adds the turn processor, router, commands, card actions and help.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TurnRouter>();
        services.AddSingleton<TurnProcessor>();
        services.AddSingleton<SentMessages>();
        services.TryAddSingleton(new Outbox.OutboxOptions());
        services.AddSingleton<Outbox.OutboxWriter>();

        services.AddFeature<HelpCommand>();
        services.AddFeature<StartPlan>();
        services.TryAddSingleton<IProgressPictures, NoProgressPictures>();
        services.AddFeature<ProgressCommand>();
        services.AddFeature<ChecklistFeature>();
        // Actions before the journey: a sentence-shaped action ("I'll …", "@Sam to …") is recognised before
        // an open question would take the message as its answer.
        services.AddActions();
        services.AddJourney();
        services.AddSurveys();
        services.AddMeetings();
        services.AddFeature<MemberRoster>();
        services.AddFeature<Dormancy.DormancyEvents>();
        services.AddDataRightsCommands();
        services.AddPlanDrafting();

        services.AddSingleton(new HelpEntry(0, "start", "Set up your group's plan (name and type).", HelpTopic.Group));
        services.AddSingleton(new HelpEntry(10, "progress", "See where the plan stands across all nine steps."));
        services.AddSingleton(new HelpEntry(20, "checklist", "Show this step's checklist for everyone to tick. Add a number for another step: checklist 4."));
        services.AddSingleton(new HelpEntry(1000, "help", "Show this list.", HelpTopic.Group));
        return services;
    }

    /// <summary>
    /// Registers a feature once and exposes it under every handler interface it implements, in
    /// registration order (which is the order commands are matched).
    /// </summary>
    public static IServiceCollection AddFeature<T>(this IServiceCollection services)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<T>();
        if (typeof(ICommand).IsAssignableFrom(typeof(T)))
        {
            services.AddSingleton(sp => (ICommand)sp.GetRequiredService<T>());
        }

        if (typeof(ICardActionHandler).IsAssignableFrom(typeof(T)))
        {
            services.AddSingleton(sp => (ICardActionHandler)sp.GetRequiredService<T>());
        }

        if (typeof(IConversationEventHandler).IsAssignableFrom(typeof(T)))
        {
            services.AddSingleton(sp => (IConversationEventHandler)sp.GetRequiredService<T>());
        }

        if (typeof(IDialogContinuation).IsAssignableFrom(typeof(T)))
        {
            services.AddSingleton(sp => (IDialogContinuation)sp.GetRequiredService<T>());
        }

        if (typeof(INotUnderstoodHint).IsAssignableFrom(typeof(T)))
        {
            services.AddSingleton(sp => (INotUnderstoodHint)sp.GetRequiredService<T>());
        }

        return services;
    }
}
