using Azure.Data.Tables;
using CommunityPlanning.Conversations.Meetings;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Storage.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// In the Storage namespace, beside AddStorage, so the composition needs no extra using.
namespace CommunityPlanning.Storage;

/// <summary>Registers the open-meetings index.</summary>
public static class MeetingStorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the open-meetings table (as <see cref="IOpenMeetingIndex"/>), creates it at start-up, and wraps the
    /// registered <see cref="IGroupStore"/> so saves keep it. Call after AddStorage.
    /// </summary>
    public static IServiceCollection AddOpenMeetingIndex(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var store = services.LastOrDefault(d => d.ServiceType == typeof(IGroupStore))
            ?? throw new InvalidOperationException("Register the group store (AddStorage) before AddOpenMeetingIndex.");
        services.Remove(store);

        services.AddSingleton(sp => new OpenMeetingsTable(sp.GetRequiredService<TableServiceClient>()
            .GetTableClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.TableName(OpenMeetingsTable.TableName))));
        services.AddSingleton<IOpenMeetingIndex>(sp => sp.GetRequiredService<OpenMeetingsTable>());
        services.AddSingleton<IGroupStore>(sp => new MeetingIndexingGroupStore(
            Resolve(sp, store),
            sp.GetRequiredService<OpenMeetingsTable>(),
            sp.GetRequiredService<ILogger<MeetingIndexingGroupStore>>()));
        services.AddHostedService<OpenMeetingsTableInitializer>();
        return services;
    }

    private static IGroupStore Resolve(IServiceProvider services, ServiceDescriptor descriptor) => descriptor switch
    {
        { ImplementationInstance: IGroupStore instance } => instance,
        { ImplementationFactory: { } factory } => (IGroupStore)factory(services),
        { ImplementationType: { } type } => (IGroupStore)ActivatorUtilities.CreateInstance(services, type),
        _ => throw new InvalidOperationException("The group store registration cannot be wrapped."),
    };
}

/// <summary>
/// Creates the open-meetings table once at start-up, so no request pays for it. Storage that is not reachable
/// yet is retried in the background rather than stopping the host (the readiness probe reports it meanwhile).
/// </summary>
internal sealed partial class OpenMeetingsTableInitializer(OpenMeetingsTable table, TimeProvider clock, ILogger<OpenMeetingsTableInitializer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await table.Table.CreateIfNotExistsAsync(stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException)
            {
                LogNotReady(logger, delay.TotalSeconds);
                await Task.Delay(delay, clock, stoppingToken).ConfigureAwait(false);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "The open-meetings table could not be created yet; trying again in {Seconds} s")]
    private static partial void LogNotReady(ILogger logger, double seconds);
}
