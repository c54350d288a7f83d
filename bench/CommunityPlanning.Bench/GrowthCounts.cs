using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Storage;
using CommunityPlanning.Storage.Caching;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunityPlanning.Bench;

/// <summary>
/// A turn's storage cost as a plan grows (<c>dotnet run -c Release --project bench/CommunityPlanning.Bench -- growth</c>,
/// with <c>CP_AZURITE_CONNECTION_STRING</c>): a new group against a two-year-old one (300 actions with history,
/// 50 meetings with attendance, decisions and minutes, every step's forms filled, 1,000 redelivery markers), each turn
/// a tick (load for the turn, one change, save with its redelivery marker), with the group state cache off (every turn
/// queries the partition) and on (after the first). Counts requests, bytes read and written on the wire, and bytes
/// allocated per turn (load + save, all threads), and each turn's median and slowest time (load + change + save, against
/// the local Azurite; times depend on the machine's load, counts do not).
/// </summary>
internal static class GrowthCounts
{
    private const int Turns = 40;
    private static readonly DateTimeOffset Start = new(2024, 1, 10, 19, 0, 0, TimeSpan.Zero);
    private static readonly MemberRef Sam = new("29:sam", "Sam Jones");

    public static async Task RunAsync()
    {
        var connection = Environment.GetEnvironmentVariable("CP_AZURITE_CONNECTION_STRING");
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new InvalidOperationException("Set CP_AZURITE_CONNECTION_STRING to a running Azurite.");
        }

        var counter = new WireCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var table = new TableClient(connection, "growth" + Guid.NewGuid().ToString("N")[..8] + "plans", options);
        await table.CreateIfNotExistsAsync();
        var mapper = new RecordMapper(RecordTypes.Default);
        var seeder = new TableGroupStore(table, mapper, NullLogger<TableGroupStore>.Instance);
        var rows = await SeedOldGroupAsync(seeder, "old");
        Console.WriteLine($"two-year-old group: {rows} rows in its partition (records, redelivery markers and the version row)");
        Console.WriteLine();
        Console.WriteLine("| group | cache | requests/turn | reads/turn | bytes read/turn | bytes written/turn | allocated/turn | median ms | slowest ms |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var cached in new[] { false, true })
        {
            foreach (var group in new[] { "new", "old" })
            {
                var cache = new GroupStateCache(new GroupCacheOptions { Enabled = cached }, TimeProvider.System);
                var store = new TableGroupStore(table, mapper, NullLogger<TableGroupStore>.Instance, cache);
                var groupId = group + (cached ? "-c" : "-q");
                if (group == "old")
                {
                    await CopyAsync(table, "old", groupId);
                }

                await TurnAsync(store, groupId, "warm-" + groupId, 0);
                counter.Reset();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var times = new List<double>(Turns);
                for (var i = 1; i <= Turns; i++)
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    await TurnAsync(store, groupId, $"{groupId}-{i}", i);
                    times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
                times.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {(group == "new" ? "new" : "two years old")} | {(cached ? "on" : "off")} | {counter.Requests / (double)Turns:0.00} | {counter.Reads / (double)Turns:0.00} | {counter.BytesRead / Turns:N0} | {counter.BytesWritten / Turns:N0} | {allocated / Turns / 1024.0:N1} KB | {times[Turns / 2]:0.0} | {times[^1]:0.0} |"));
            }
        }

        await table.DeleteAsync();
    }

    // A turn as TurnProcessor runs it: one item ticked or unticked.
    private static async Task TurnAsync(TableGroupStore store, string groupId, string turnId, int i)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var state = await store.LoadForTurnAsync(groupId, attempt);
            var key = ChecklistTick.KeyFor(1, "contact-adviser");
            var done = state.Find<ChecklistTick>(key)?.Done ?? false;
            state.Put(new ChecklistTick(1, "contact-adviser", !done, Sam, Start.AddMinutes(i)));
            if (await store.SaveAsync(state, turnId) == Domain.Ports.SaveOutcome.Saved)
            {
                return;
            }
        }

        throw new InvalidOperationException("A turn never saved.");
    }

    private static async Task<int> SeedOldGroupAsync(TableGroupStore store, string groupId)
    {
        var records = new List<IGroupRecord> { new PlanRecord("Little Wittering", PlanType.NeighbourhoodPlan, 6, Sam, Start) };
        var people = Enumerable.Range(1, 12).Select(n => new MemberRef($"29:member-{n}", $"Member Number {n}")).ToList();
        records.AddRange(people.Select(p => new MemberRecord(p, MemberRole.Member, Start)));
        for (var id = 1; id <= 300; id++)
        {
            var by = people[id % people.Count];
            var history = Enumerable.Range(0, 8).Select(h => new ActionHistoryEntry(by, Start.AddDays(id + h), h == 0 ? "created" : $"status changed to in progress ({h})")).ToList();
            records.Add(new ActionItem(id, $"Action {id}: book the village hall and ask the parish council about the footpath survey", 1 + (id % 9), by, Start.AddDays(id))
            {
                Owner = people[(id + 3) % people.Count],
                Due = DateOnly.FromDateTime(Start.AddDays(id + 14).UtcDateTime),
                Status = id < 250 ? ActionStatus.Completed : ActionStatus.InProgress,
                History = history,
            });
        }

        for (var m = 1; m <= 50; m++)
        {
            var meetingId = $"m{m:000}";
            var at = Start.AddDays(14 * m);
            records.Add(new MeetingRecord(meetingId, Sam, at, Sam));
            records.AddRange(people.Take(10).Select(p => new AttendanceRecord(meetingId, p, AttendanceKind.Present, Sam, at)));
            records.AddRange(Enumerable.Range(1, 3).Select(d => new DecisionRecord(meetingId, $"d{d}", $"Agreed to hold the consultation event in the village hall ({d})", Sam, at)));
            var summary = new MinutesSummary(meetingId, "Little Wittering", at, at.AddHours(2), "Sam Jones", "Sam Jones",
                people.Take(10).Select(p => p.Name).ToList(), [], new QuorumStatus(5, 10), ["Apologies", "Minutes of the last meeting", "Consultation", "Any other business"],
                [new MinutesTick(2, "Agree the group's terms of reference", "Sam Jones")],
                Enumerable.Range(1, 3).Select(d => new MinutesEntry($"Agreed to hold the consultation event in the village hall ({d})", "Sam Jones", at)).ToList(),
                [new MinutesAction(m, "Book the hall", "Member Number 2", null)], [new MinutesEntry("The survey closes at the end of the month.", "Sam Jones", at)], null);
            records.Add(new MinutesRecord(meetingId, summary, string.Concat(Enumerable.Repeat("- Agreed to hold the consultation event in the village hall on a Saturday morning.\n", 30))));
        }

        for (var step = 1; step <= 9; step++)
        {
            for (var row = 1; row <= 12; row++)
            {
                var values = Enumerable.Range(1, 6).ToDictionary(f => $"field{f}", f => $"An answer of a sensible length for field {f} in row {row}");
                records.Add(new FormRow(step, $"form{step}", row == 1 ? FormRow.SingleRowId : $"r{row:00}", values, Sam, Start.AddDays(step * 30)));
            }
        }

        foreach (var chunk in records.Chunk(90))
        {
            var state = new GroupState(groupId);
            foreach (var record in chunk)
            {
                state.Put(record);
            }

            await store.SaveAsync(state, null);
        }

        // 1,000 redelivery markers: turns that changed nothing else.
        for (var i = 0; i < 1_000; i++)
        {
            await store.SaveAsync(new GroupState(groupId), $"old-turn-{i}");
        }

        return records.Count + 1_000 + 1;
    }

    private static async Task CopyAsync(TableClient table, string from, string to)
    {
        var batch = new List<TableTransactionAction>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == from))
        {
            entity.PartitionKey = to;
            batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
            if (batch.Count == 100)
            {
                await table.SubmitTransactionAsync(batch);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await table.SubmitTransactionAsync(batch);
        }
    }

    /// <summary>Counts requests and the bytes of request and response bodies on the wire.</summary>
    private sealed class WireCounter : HttpPipelinePolicy
    {
        public long Requests { get; private set; }

        public long Reads { get; private set; }

        public long BytesRead { get; private set; }

        public long BytesWritten { get; private set; }

        public void Reset() => (Requests, Reads, BytesRead, BytesWritten) = (0, 0, 0, 0);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Requests++;
            if (message.Request.Method == RequestMethod.Get)
            {
                Reads++;
            }

            if (message.Request.Content is { } content && content.TryComputeLength(out var length))
            {
                BytesWritten += length;
            }

            await ProcessNextAsync(message, pipeline);
            if (message.Response.ContentStream is { CanSeek: true } stream)
            {
                BytesRead += stream.Length;
            }
        }
    }
}
