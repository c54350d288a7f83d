using CommunityPlanning.Conversations.Actions;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Domain.Actions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the root namespace, beside AddConversations, so the composition needs no extra using.
namespace CommunityPlanning.Conversations;

/// <summary>Registers the actions feature.</summary>
public static class ActionsServiceCollectionExtensions
{
    /// <summary>
    /// Adds action commands, buttons and help. Stand-ins are registered for the ports other parts supply
    /// (the assignee index from Storage, the next meeting from the meetings feature); a real registration,
    /// before or after, wins.
    /// </summary>
    public static IServiceCollection AddActions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<INextMeetingSource, NoMeetingsPlanned>();
        services.TryAddSingleton<IAssigneeIndex, NoAssigneeIndex>();

        // Order matters: "action 12 …" must be tried before "action <anything>" makes a new one.
        services.AddFeature<ActionListCommand>();
        services.AddFeature<ActionUpdateCommand>();
        services.AddFeature<DigestCommand>();
        services.AddFeature<CreateActionCommand>();
        services.AddFeature<MessageActionCommand>();
        services.AddFeature<ActionButtons>();

        services.AddSingleton(new HelpEntry(30, "action @Sam book the hall by Friday", "Make an action. Also: \"@Sam to … by 14/3\", \"I'll … by end of month\", \"action: …\" with no owner yet.", HelpTopic.Actions));
        services.AddSingleton(new HelpEntry(31, "actions", "Show the group's open actions, overdue first.", HelpTopic.Actions));
        services.AddSingleton(new HelpEntry(32, "my actions", "Show your open actions in every group.", HelpTopic.Actions));
        services.AddSingleton(new HelpEntry(33, "action 12", "Show an action's details and history.", HelpTopic.Actions));
        services.AddSingleton(new HelpEntry(34, "done 12", "Mark an action done.", HelpTopic.Actions));
        services.AddSingleton(new HelpEntry(35, "action 12 due next Friday", "Change a due date. Also: \"action 12 to @Alex\", \"action 12 status on hold\", \"action 12 rag amber\", \"action 12 50%\", \"action 12 note rang the council\".", HelpTopic.Actions));
        services.AddSingleton(new HelpEntry(37, "action 12 priority high", "Link an action to the action plan (step 5). Also: \"action 12 plan issue …\", \"action 12 lead type partnership\", \"action 12 partners …\", \"action 12 cost 250\", \"action 12 funding …\".", HelpTopic.Actions));
        services.AddSingleton(new HelpEntry(36, "digest off", "Stop the Monday digest of open actions (\"digest on\" brings it back).", HelpTopic.Actions));
        return services;
    }
}
