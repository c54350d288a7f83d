using Azure.Data.Tables;
using CommunityPlanning.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlanning.Bench;

/// <summary>
/// The same help turn with the real group store on Azurite: one query and one entity-group transaction
/// (the redelivery guard) per turn, over loopback HTTP. Needs Azurite: set
/// <c>CP_AZURITE_CONNECTION_STRING</c> (e.g. from <c>scripts/run.sh</c>'s Azurite), otherwise it refuses to run.
/// </summary>
public class HelpTurnAzuriteBenchmarks : HelpTurnBenchmarks
{
    protected override void ConfigureStore(IServiceCollection services)
    {
        var connection = Environment.GetEnvironmentVariable("CP_AZURITE_CONNECTION_STRING");
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new InvalidOperationException("Set CP_AZURITE_CONNECTION_STRING to a running Azurite to run this benchmark.");
        }

        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        new TableClient(connection, prefix + "plans").CreateIfNotExists();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connection,
            ["Storage:TablePrefix"] = prefix,
        }).Build();
        services.AddStorage(configuration);
    }
}
