using CommunityPlanning.Conversations.Dialogs;
using CommunityPlanning.Conversations.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlanning.Conversations.Journey;

/// <summary>Registers the step journey: step cards, forms, questions in the chat, roles, completion, scoring and summaries.</summary>
public static class JourneyServiceCollectionExtensions
{
    /// <summary>Adds the journey's features and help lines. Commands match in this order, after the core ones.</summary>
    public static IServiceCollection AddJourney(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IDialogFlow, StepQuestionsFlow>();
        services.AddSingleton<ActionPlanUpgrade>();
        services.AddFeature<DialogEngine>();
        services.AddFeature<StepCommand>();
        services.AddFeature<FormActions>();
        services.AddFeature<StepCompletion>();
        services.AddFeature<RolesFeature>();
        services.AddFeature<ScoringFeature>();
        services.AddFeature<SummaryCommand>();
        services.AddFeature<PlanSettingsCommand>();
        services.AddFeature<CarryForwardCommand>();
        services.AddFeature<NeighbourhoodStageCommand>();
        services.AddFeature<GlossaryCommand>();

        services.AddSingleton(new HelpEntry(5, "where are we", "Show the current step: what's done, what's missing, its forms and checklist."));
        services.AddSingleton(new HelpEntry(6, "step 4", "Show any step. \"next step\" shows the one after the current step."));
        services.AddSingleton(new HelpEntry(7, "ask me the questions", "I'll ask for what's missing in this step, one question at a time."));
        services.AddSingleton(new HelpEntry(8, "carry on / cancel", "Pick up the questions where you left off, or stop them."));
        services.AddSingleton(new HelpEntry(25, "summary step 4", "Everything the group has recorded for a step: ticks, answers and lists."));
        services.AddSingleton(new HelpEntry(30, "step complete", "Chair or secretary: mark the current step complete and move on. The chair can \"reopen step 3\"."));
        services.AddSingleton(new HelpEntry(35, "score", "Step 5: score each issue for importance, urgency and feasibility. \"scores\" shows who has; the chair types \"close scoring\" for the ranking."));
        services.AddSingleton(new HelpEntry(32, "rename plan / change plan type", "Chair or secretary: change the plan's name (rename plan Great Wittering) or its type.", HelpTopic.Group));
        services.AddSingleton(new HelpEntry(33, "carry forward", "Chair or secretary, at step 9: start a new cycle of the plan, keeping what went before.", HelpTopic.Group));
        services.AddSingleton(new HelpEntry(34, "neighbourhood plan", "For a Community Led Plan that leads into a Neighbourhood Plan: the statutory stages that follow it, to tick."));
        services.AddSingleton(new HelpEntry(38, "what is SEA", "A planning word in plain English. Also \"what does RAG mean\" or \"explain basic conditions\"."));
        services.AddSingleton(new HelpEntry(40, "members", "List the steering group and roles. The chair sets roles: role @Sam secretary.", HelpTopic.Group));
        return services;
    }
}
