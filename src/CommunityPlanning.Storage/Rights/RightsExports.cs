using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Ports;

namespace CommunityPlanning.Storage.Rights;

/// <summary>
/// Builds the data-rights files when their signed link is opened: a person's data as JSON (every holder's section,
/// across the groups they are known in) and a group's export as a zip (its records as JSON and its minutes as
/// Markdown). Nothing is stored in between: the link names only a key or a group id.
/// </summary>
public sealed class RightsExports(PersonGroupsTable personGroups, DataHolders holders, IGroupStore store, RecordTypes types, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Indented = new(RecordMapper.Json) { WriteIndented = true };

    /// <summary>The person's data as JSON, or null when the key names nobody the bot knows.</summary>
    public async Task<string?> PersonDataAsync(string personKey, CancellationToken cancellationToken = default)
    {
        if (await personGroups.FindAsync(personKey, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return null;
        }

        var sections = await holders.ExportPersonAsync(new PersonScope(found.Person, found.Groups), cancellationToken).ConfigureAwait(false);
        var document = new JsonObject
        {
            ["about"] = "Everything CommunityPlanning.Bot holds about you, in every group it knows you in.",
            ["exportedAt"] = clock.GetUtcNow(),
            ["person"] = new JsonObject { ["name"] = found.Person.Name, ["channel"] = found.Person.Channel, ["userId"] = found.Person.UserId },
            ["held"] = sections,
        };
        return document.ToJsonString(Indented);
    }

    /// <summary>The group's export as a zip, or null when the group has no plan.</summary>
    public async Task<byte[]?> GroupZipAsync(string groupId, CancellationToken cancellationToken = default)
    {
        var state = await store.LoadAsync(groupId, cancellationToken).ConfigureAwait(false);
        if (state.Find<PlanRecord>(PlanRecord.Kind) is not { } plan)
        {
            return null;
        }

        var records = new JsonArray();
        foreach (var record in state.All.Where(r => r is not OutboxRecord))
        {
            records.Add(new JsonObject
            {
                ["key"] = record.Key,
                ["kind"] = types.KindOf(record.GetType()),
                ["record"] = JsonSerializer.SerializeToNode(record, record.GetType(), RecordMapper.Json),
            });
        }

        var document = new JsonObject { ["community"] = plan.CommunityName, ["exportedAt"] = clock.GetUtcNow(), ["records"] = records };
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await WriteAsync(zip, "plan.json", document.ToJsonString(Indented), cancellationToken).ConfigureAwait(false);
            foreach (var minutes in state.OfType<MinutesRecord>())
            {
                var day = DateOnly.FromDateTime(UkTime.ToLondon(minutes.Summary.StartedAt).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                await WriteAsync(zip, $"minutes/{day}-{minutes.MeetingId}.md", minutes.Markdown, cancellationToken).ConfigureAwait(false);
            }
        }

        return buffer.ToArray();
    }

    private static async Task WriteAsync(ZipArchive zip, string name, string text, CancellationToken cancellationToken)
    {
        var stream = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        }
    }
}
