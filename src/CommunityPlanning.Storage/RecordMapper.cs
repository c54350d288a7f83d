using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Storage;

/// <summary>
/// Maps records to table entities and back. A record is stored as JSON in <c>Data</c> (split across
/// <c>Data1</c>, <c>Data2</c>… when longer than a property may hold), with its kind in <c>Kind</c>.
/// One mapping serves every record type, so a new record kind needs no storage code.
/// </summary>
public sealed class RecordMapper(RecordTypes types)
{
    /// <summary>Most characters in one string property (the service allows 32K UTF-16 characters).</summary>
    public const int MaxChunkChars = 30_000;

    /// <summary>Most chunks in one entity, keeping it well under the 1 MiB entity limit.</summary>
    public const int MaxChunks = 14;

    private const string KindProperty = "Kind";
    private const string DataProperty = "Data";
    private const string VersionProperty = "Schema";
    private const int SchemaVersion = 1;

    /// <summary>The JSON settings records are stored with (also used for index changes in the outbox).</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Builds the JSON metadata of every record type now, so the first turns after a start do not pay for it (about a
    /// quarter of a second over all record types on a cold process). Called once at start-up, off the request path.
    /// </summary>
    public void WarmUp()
    {
        Json.MakeReadOnly(populateMissingResolver: true);
        foreach (var type in types.All)
        {
            Json.GetTypeInfo(type);
        }
    }

    /// <summary>The entity for a record in a group's partition. Throws <see cref="StoreLimitException"/> when too large.</summary>
    public TableEntity ToEntity(string groupId, IGroupRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var rowKey = KeyCodec.Encode(record.Key);
        if (rowKey.Length > KeyCodec.MaxLength)
        {
            throw new StoreLimitException($"A record key is {rowKey.Length} characters; the limit is {KeyCodec.MaxLength}.");
        }

        var json = JsonSerializer.Serialize(record, record.GetType(), Json);
        var chunks = (json.Length + MaxChunkChars - 1) / MaxChunkChars;
        if (chunks > MaxChunks)
        {
            throw new StoreLimitException($"A {RecordKeys.KindOf(record.Key)} record is {json.Length} characters; the limit is {MaxChunks * MaxChunkChars}.");
        }

        var entity = new TableEntity(groupId, rowKey)
        {
            [KindProperty] = types.KindOf(record.GetType()),
            [VersionProperty] = SchemaVersion,
        };
        for (var i = 0; i < Math.Max(chunks, 1); i++)
        {
            var start = i * MaxChunkChars;
            entity[ChunkName(i)] = json.Substring(start, Math.Min(MaxChunkChars, json.Length - start));
        }

        return entity;
    }

    /// <summary>The record an entity holds, or null when its kind is unknown to this version.</summary>
    public IGroupRecord? ToRecord(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var kind = entity.GetString(KindProperty);
        if (kind is null || types.TypeOf(kind) is not { } type)
        {
            return null;
        }

        var json = new StringBuilder();
        for (var i = 0; entity.GetString(ChunkName(i)) is { } chunk; i++)
        {
            json.Append(chunk);
        }

        return (IGroupRecord?)JsonSerializer.Deserialize(json.ToString(), type, Json);
    }

    /// <summary>Rough size of an entity on the wire, for the 4 MiB transaction limit.</summary>
    public static int EstimateBytes(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.Sum(p => (p.Key.Length * 2) + (p.Value is string s ? s.Length * 2 : 16)) + 256;
    }

    private static string ChunkName(int index) =>
        index == 0 ? DataProperty : DataProperty + index.ToString(CultureInfo.InvariantCulture);
}
