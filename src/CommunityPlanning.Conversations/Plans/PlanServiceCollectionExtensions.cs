using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Plans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the root namespace, beside AddConversations, so the composition needs no extra using.
namespace CommunityPlanning.Conversations;

/// <summary>Registers the plan: step 6's drafting and the documents.</summary>
public static class PlanServiceCollectionExtensions
{
    /// <summary>
    /// Adds the plan command and buttons, and help. Download links come from the host; until it registers
    /// <see cref="IPlanLinks"/>, none are offered.
    /// </summary>
    public static IServiceCollection AddPlanDrafting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IPlanLinks, NoPlanLinks>();
        services.AddFeature<PlanCommand>();
        services.AddSingleton(new HelpEntry(26, "plan", "Step 6: the plan's sections. \"draft the plan\" drafts each from what you've recorded; \"plan section vision\" edits one."));
        services.AddSingleton(new HelpEntry(27, "plan document / export actions", "The plan as a Word document, or the action plan as a spreadsheet (CSV), through a download link."));
        return services;
    }
}
