using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CommunityPlanning.Conversations.Work;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Storage.Work;

/// <summary>
/// Acknowledged work on Azure Queue Storage. The body goes into a row of the <c>work</c> table (a queue
/// message holds at most 64 KB, and a Slack block action carries the whole message it came from); the
/// queue message carries only the row's key. The row's key is the work's key, so a second copy of the
/// same delivery is refused by the table. Finished work loses its row first, then its message: a crash
/// in between leaves a message whose body is gone, which the next worker simply deletes.
/// </summary>
internal sealed partial class QueueWorkStore(WorkStorage storage, ILogger<QueueWorkStore> logger) : IWorkQueue
{
    /// <summary>How long poisoned work is kept (it holds personal data).</summary>
    public static readonly TimeSpan PoisonTimeToLive = TimeSpan.FromDays(14);

    private const string BodyRow = "body";
    private const string KindProperty = "Kind";
    private const string LengthProperty = "Length";
    private const string PartPrefix = "Body";

    // A binary property holds at most 64 KiB.
    private const int PartBytes = 60_000;

    // What fits in a poison message beside its other fields (64 KB, the body base64-encoded).
    private const int MaxPoisonBodyChars = 40_000;

    public async Task<bool> TryEnqueueAsync(NewWork work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var partitionKey = PartitionKeyOf(work.Key);
        var entity = new TableEntity(partitionKey, BodyRow) { [KindProperty] = work.Kind, [LengthProperty] = work.Body.Length };
        for (var (offset, part) = (0, 0); offset < work.Body.Length; offset += PartBytes, part++)
        {
            entity[PartPrefix + part.ToString(System.Globalization.CultureInfo.InvariantCulture)] = work.Body.AsSpan(offset, Math.Min(PartBytes, work.Body.Length - offset)).ToArray();
        }

        try
        {
            await AddAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }

        try
        {
            var message = JsonSerializer.Serialize(new WorkMessage(work.Key), WorkJson.Default.WorkMessage);
            await SendAsync(storage.Work, message, null, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or OperationCanceledException)
        {
            // Without its message the row would only block Slack's retry as a "duplicate": take it back.
            await DeleteRowAsync(partitionKey, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public async Task<IReadOnlyList<ReceivedWork>> ReceiveAsync(int maxItems, TimeSpan visibility, CancellationToken cancellationToken = default)
    {
        QueueMessage[] messages;
        try
        {
            messages = (await storage.Work.ReceiveMessagesAsync(Math.Clamp(maxItems, 1, 32), visibility, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The queue is not created yet (the storage initializer runs alongside).
            return [];
        }

        var received = new List<ReceivedWork>(messages.Length);
        foreach (var message in messages)
        {
            var key = ReadKey(message);
            if (key is null)
            {
                LogUnreadable(logger, message.MessageId);
                received.Add(new ReceivedWork(string.Empty, string.Empty, null, message.DequeueCount, message.MessageId, message.PopReceipt));
                continue;
            }

            var row = await storage.Bodies.GetEntityIfExistsAsync<TableEntity>(PartitionKeyOf(key), BodyRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            var entity = row.HasValue ? row.Value : null;
            received.Add(new ReceivedWork(key, entity?.GetString(KindProperty) ?? string.Empty, entity is null ? null : BodyOf(entity), message.DequeueCount, message.MessageId, message.PopReceipt));
        }

        return received;
    }

    public async Task CompleteAsync(ReceivedWork work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.Key.Length > 0)
        {
            await DeleteRowAsync(PartitionKeyOf(work.Key), cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await storage.Work.DeleteMessageAsync(work.MessageId, work.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            // Taken by another worker after its visibility ran out, or deleted already: it is theirs now.
            LogReceiptStale(logger, work.Key);
        }
    }

    public async Task ReleaseAsync(ReceivedWork work, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            await storage.Work.UpdateMessageAsync(work.MessageId, work.PopReceipt, visibilityTimeout: delay, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            LogReceiptStale(logger, work.Key);
        }
    }

    public async Task PoisonAsync(ReceivedWork work, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var body = work.Body is null ? null : Compress(work.Body);
        var poison = new PoisonMessage(
            work.Key,
            work.Kind,
            work.DequeueCount,
            reason,
            body is { Length: <= MaxPoisonBodyChars } ? body : null,
            work.Body?.Length ?? 0);
        await SendAsync(storage.Poison, JsonSerializer.Serialize(poison, WorkJson.Default.PoisonMessage), PoisonTimeToLive, cancellationToken).ConfigureAwait(false);
        await CompleteAsync(work, cancellationToken).ConfigureAwait(false);
    }

    internal static string PartitionKeyOf(string key)
    {
        var encoded = KeyCodec.Encode(key);
        return encoded.Length <= KeyCodec.MaxLength
            ? encoded
            : throw new ArgumentException($"A work key may be at most {KeyCodec.MaxLength} characters once encoded.", nameof(key));
    }

    private static byte[] BodyOf(TableEntity entity)
    {
        var length = entity.GetInt32(LengthProperty) ?? 0;
        var body = new byte[length];
        for (var (offset, part) = (0, 0); offset < length; offset += PartBytes, part++)
        {
            var chunk = entity.GetBinary(PartPrefix + part.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? [];
            chunk.AsSpan(0, Math.Min(chunk.Length, length - offset)).CopyTo(body.AsSpan(offset));
        }

        return body;
    }

    private static string? ReadKey(QueueMessage message)
    {
        try
        {
            return JsonSerializer.Deserialize(message.Body.ToString(), WorkJson.Default.WorkMessage)?.Key is { Length: > 0 } key ? key : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Compress(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return Convert.ToBase64String(output.ToArray());
    }

    private async Task AddAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await storage.Bodies.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await storage.Bodies.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            await storage.Bodies.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task SendAsync(QueueClient queue, string message, TimeSpan? timeToLive, CancellationToken cancellationToken)
    {
        try
        {
            await queue.SendMessageAsync(message, visibilityTimeout: null, timeToLive: timeToLive, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await queue.SendMessageAsync(message, visibilityTimeout: null, timeToLive: timeToLive, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeleteRowAsync(string partitionKey, CancellationToken cancellationToken)
    {
        try
        {
            await storage.Bodies.DeleteEntityAsync(partitionKey, BodyRow, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Gone already.
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or OperationCanceledException)
        {
            LogRowLeft(logger, ex);
        }
    }

    [LoggerMessage(EventId = 2300, Level = LogLevel.Warning, Message = "A work queue message {MessageId} could not be read; it will be moved aside when it keeps coming back")]
    private static partial void LogUnreadable(ILogger logger, string messageId);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Work {Key} was taken by another worker before this one finished with it")]
    private static partial void LogReceiptStale(ILogger logger, string key);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Error, Message = "A stored work body could not be deleted")]
    private static partial void LogRowLeft(ILogger logger, Exception exception);
}

/// <summary>The queue message: a pointer to the stored body.</summary>
internal sealed record WorkMessage([property: JsonPropertyName("key")] string Key);

/// <summary>What the poison queue keeps about work that kept failing.</summary>
internal sealed record PoisonMessage(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("dequeueCount")] long DequeueCount,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("bodyGzipBase64")] string? Body,
    [property: JsonPropertyName("bodyBytes")] int BodyBytes);

[JsonSerializable(typeof(WorkMessage))]
[JsonSerializable(typeof(PoisonMessage))]
internal sealed partial class WorkJson : JsonSerializerContext;

/// <summary>The table and queues of acknowledged work.</summary>
/// <param name="Bodies">The <c>work</c> table: one row per piece of work, holding its body.</param>
/// <param name="Work">The work queue: one message per piece of work, holding its key.</param>
/// <param name="Poison">Work that kept failing, kept 14 days.</param>
internal sealed record WorkStorage(TableClient Bodies, QueueClient Work, QueueClient Poison);
