using CommunityPlanning.Conversations.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityPlanning.Conversations.Rights;

/// <summary>Registers the data-rights commands.</summary>
public static class RightsServiceCollectionExtensions
{
    /// <summary>Adds <c>my data</c>, <c>forget me</c>, <c>delete our plan</c> and <c>export our plan</c>, with help lines.</summary>
    public static IServiceCollection AddDataRightsCommands(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IRightsLinks, NoRightsLinks>();
        services.TryAddSingleton<IDataRights, NoDataRights>();
        services.AddFeature<DataRightsCommand>();
        services.AddSingleton(new HelpEntry(900, "my data", "See everything I hold about you (a private link to a file)."));
        services.AddSingleton(new HelpEntry(901, "forget me", "Erase you from every group (you confirm first)."));
        services.AddSingleton(new HelpEntry(902, "export our plan", "Officers: download the plan as a zip."));
        services.AddSingleton(new HelpEntry(903, "delete our plan", "Chair: delete the plan for good (you confirm first)."));
        return services;
    }
}
