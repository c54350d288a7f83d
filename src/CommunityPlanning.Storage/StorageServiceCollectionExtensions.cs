using Azure.Core;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Dialogs;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Storage.Caching;
using CommunityPlanning.Storage.Outbox;
using CommunityPlanning.Storage.People;
using CommunityPlanning.Storage.Rosters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Storage;

/// <summary>Registers Azure Table Storage for the bot.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the group store, the table clients and the work queue. With <c>Storage:ConnectionString</c> (Azurite)
    /// a key is used; otherwise <c>Storage:ServiceUri</c> and <c>Storage:QueueServiceUri</c> with the given
    /// credential (managed identity in Azure).
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration, Func<TokenCredential>? credential = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString) || o.ServiceUri is not null, "Set Storage:ConnectionString (Azurite or a storage account) or Storage:ServiceUri (managed identity).")
            .Validate(o => o.ServiceUri is null || o.ServiceUri.Scheme == Uri.UriSchemeHttps || o.ServiceUri.IsLoopback, "Storage:ServiceUri must use https.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString) || o.QueueServiceUri is not null, "Set Storage:QueueServiceUri (the queue endpoint, https://ACCOUNT.queue.core.windows.net) beside Storage:ServiceUri.")
            .Validate(o => o.QueueServiceUri is null || o.QueueServiceUri.Scheme == Uri.UriSchemeHttps || o.QueueServiceUri.IsLoopback, "Storage:QueueServiceUri must use https.")
            .Validate(o => o.TablePrefix.All(char.IsAsciiLetterOrDigit), "Storage:TablePrefix may hold only letters and digits (it prefixes table and queue names).")
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var clientOptions = new TableClientOptions();
            clientOptions.Retry.MaxRetries = 3;
            clientOptions.Retry.Mode = RetryMode.Exponential;
            clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
            return !string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new TableServiceClient(options.ConnectionString, clientOptions)
                : new TableServiceClient(options.ServiceUri, (credential ?? (() => throw new InvalidOperationException("Storage:ServiceUri needs a credential.")))(), clientOptions);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return sp.GetRequiredService<TableServiceClient>().GetTableClient(options.TableName(options.PlansTable));
        });
        services.AddSingleton(sp => new StorageTable(sp.GetRequiredService<TableClient>()));
        services.AddSingleton(RecordTypes.Default);
        services.AddSingleton<RecordMapper>();
        var cacheOptions = new GroupCacheOptions();
        configuration.GetSection(GroupCacheOptions.Section).Bind(cacheOptions);
        services.AddSingleton(cacheOptions);
        services.AddSingleton<GroupStateCache>();
        services.AddSingleton<DoneOutboxRows>();
        services.AddSingleton<IGroupStore, TableGroupStore>();
        services.AddSingleton<IOpenQuestions, TableOpenQuestions>();
        services.AddSingleton(sp => new TableOutboxStore(
            sp.GetRequiredService<TableClient>(),
            sp.GetRequiredService<TableServiceClient>().GetTableClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.TableName(TableOutboxStore.PointerTableName)),
            sp.GetRequiredService<RecordMapper>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<OutboxOptions>(),
            sp.GetRequiredService<GroupStateCache>(),
            sp.GetRequiredService<DoneOutboxRows>()));
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<TableOutboxStore>());
        services.AddSingleton(sp => new StorageTable(sp.GetRequiredService<TableOutboxStore>().Pointers));
        services.AddPeopleStore();
        services.AddRosterStore();
        services.AddSingleton<StorageHealth>();
        services.AddSingleton<StorageReadiness>();
        services.AddSingleton<IStorageReadiness>(sp => sp.GetRequiredService<StorageReadiness>());
        services.AddHostedService<StorageInitializer>();
        services.AddIndexProjections();
        services.AddDataRights(configuration);
        services.AddWorkQueue(credential);
        return services;
    }
}

/// <summary>
/// Creates every registered <see cref="StorageTable"/> and <see cref="StorageQueue"/> once at start-up, so no request pays for it. Storage that is not reachable yet
/// (Azurite still starting, a network blip) is retried in the background; /readyz reports it meanwhile.
/// </summary>
internal sealed partial class StorageInitializer(
    IEnumerable<StorageTable> tables,
    IEnumerable<StorageQueue> queues,
    StorageReadiness readiness,
    RecordMapper mapper,
    TimeProvider clock,
    ILogger<StorageInitializer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Beside the table round trips, on another thread: the records' JSON metadata, which the first turns would
        // otherwise build on the request path.
        _ = Task.Run(WarmUp, CancellationToken.None);
        var delay = TimeSpan.FromMilliseconds(250);
        var tablesExist = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // All at once: a cold start waits for one round trip, not one per table. Turns need only the tables, so
                // they go ahead as soon as those exist, before the queues; a retry for the queues leaves the tables be.
                if (!tablesExist)
                {
                    await Task.WhenAll(tables.Select(t => t.Client.CreateIfNotExistsAsync(stoppingToken))).ConfigureAwait(false);
                    tablesExist = true;
                }

                readiness.FirstAttemptEnded();
                await Task.WhenAll(queues.Select(q => q.Client.CreateIfNotExistsAsync(cancellationToken: stoppingToken))).ConfigureAwait(false);

                readiness.Set();
                return;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException)
            {
                LogNotReady(logger, delay.TotalSeconds);
                readiness.FirstAttemptEnded();
                await Task.Delay(delay, clock, stoppingToken).ConfigureAwait(false);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }

    private void WarmUp()
    {
        try
        {
            mapper.WarmUp();
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            // The type fails the same way when a turn first stores it; nothing else waits on this.
            LogWarmUpFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Storage is not reachable yet; trying again in {Seconds} s")]
    private static partial void LogNotReady(ILogger logger, double seconds);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "Building the records' JSON metadata at start-up failed")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception);
}
