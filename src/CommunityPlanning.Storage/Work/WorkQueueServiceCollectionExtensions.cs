using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using CommunityPlanning.Conversations.Work;
using CommunityPlanning.Storage.Work;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// In the Storage namespace, beside AddStorage, so the composition needs no extra using.
namespace CommunityPlanning.Storage;

/// <summary>Registers the durable queue of acknowledged work.</summary>
public static class WorkQueueServiceCollectionExtensions
{
    /// <summary>The table of work bodies.</summary>
    public const string WorkTable = "work";

    /// <summary>The queue of work (pointers to bodies).</summary>
    public const string WorkQueue = "work";

    /// <summary>The queue of work that kept failing.</summary>
    public const string PoisonQueue = "work-poison";

    /// <summary>
    /// Adds <see cref="IWorkQueue"/> on Azure Queue Storage: the connection string's queue endpoint, or
    /// <c>Storage:QueueServiceUri</c> with the given credential. The table and both queues are created at start-up.
    /// </summary>
    public static IServiceCollection AddWorkQueue(this IServiceCollection services, Func<TokenCredential>? credential = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var clientOptions = new QueueClientOptions();
            clientOptions.Retry.MaxRetries = 3;
            clientOptions.Retry.Mode = RetryMode.Exponential;
            clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
            return !string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new QueueServiceClient(options.ConnectionString, clientOptions)
                : new QueueServiceClient(options.QueueServiceUri, (credential ?? (() => throw new InvalidOperationException("Storage:QueueServiceUri needs a credential.")))(), clientOptions);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var queues = sp.GetRequiredService<QueueServiceClient>();
            return new WorkStorage(
                sp.GetRequiredService<TableServiceClient>().GetTableClient(options.TableName(WorkTable)),
                queues.GetQueueClient(options.QueueName(WorkQueue)),
                queues.GetQueueClient(options.QueueName(PoisonQueue)));
        });
        services.AddSingleton<IWorkQueue, QueueWorkStore>();
        services.AddSingleton(sp => new StorageTable(sp.GetRequiredService<WorkStorage>().Bodies));
        services.AddSingleton(sp => new StorageQueue(sp.GetRequiredService<WorkStorage>().Work));
        services.AddSingleton(sp => new StorageQueue(sp.GetRequiredService<WorkStorage>().Poison));
        return services;
    }
}
