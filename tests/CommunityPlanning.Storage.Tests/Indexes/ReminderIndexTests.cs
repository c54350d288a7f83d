using CommunityPlanning.Domain.Actions;
using static CommunityPlanning.Storage.Tests.Indexes.IndexFixture;

namespace CommunityPlanning.Storage.Tests.Indexes;

public sealed class ReminderIndexTests
{
    private static readonly DateOnly Friday = new(2025, 3, 14);

    private static List<(string Bucket, string Kind, DateTimeOffset DueAt)> Rows(IndexFixture f) =>
        f.ReminderRows()
            .Select(e => (e.PartitionKey, e.GetString("Kind"), e.GetDateTimeOffset("DueAt")!.Value))
            .OrderBy(r => r.PartitionKey, StringComparer.Ordinal)
            .ToList();

    [Fact]
    public async Task SaveAsync_OwnedDatedAction_WritesDayBeforeOverdueAndDigestRows()
    {
        var f = new IndexFixture();
        await f.SeedGroupAsync("g1");

        await f.CreateAsync("g1", "book the hall", Sam, Friday);

        Assert.Equal(
            [
                ("2025-03-13", "DayBefore", new DateTimeOffset(2025, 3, 13, 9, 0, 0, TimeSpan.Zero)),
                ("2025-03-15", "Overdue", new DateTimeOffset(2025, 3, 15, 9, 0, 0, TimeSpan.Zero)),
                ("2025-03-17", "Digest", new DateTimeOffset(2025, 3, 17, 9, 0, 0, TimeSpan.Zero)),
            ],
            Rows(f));
    }

    [Fact]
    public async Task SaveAsync_Redated_MovesTheRows()
    {
        var f = new IndexFixture();
        await f.SeedGroupAsync("g1");
        await f.CreateAsync("g1", "book the hall", Sam, Friday);

        await f.ChangeAsync("g1", 1, a => a.WithDue(new DateOnly(2025, 3, 21), Sam, Start));

        Assert.Equal(["2025-03-17", "2025-03-20", "2025-03-22"], Rows(f).Select(r => r.Bucket));
    }

    [Fact]
    public async Task SaveAsync_CompletedOrUnassigned_RemovesActionRows()
    {
        var f = new IndexFixture();
        await f.SeedGroupAsync("g1");
        await f.CreateAsync("g1", "book the hall", Sam, Friday);
        await f.CreateAsync("g1", "print posters", Alex, Friday);

        await f.ChangeAsync("g1", 1, a => a.WithStatus(ActionStatus.Completed, Sam, Start));
        await f.ChangeAsync("g1", 2, a => a.WithOwner(null, null, Sam, Start));

        Assert.Equal(["Digest"], Rows(f).Select(r => r.Kind));
    }

    [Fact]
    public async Task SaveAsync_DueTomorrowCreatedAfterNine_OnlyTheOverdueRow()
    {
        var f = new IndexFixture();
        await f.SeedGroupAsync("g1");

        await f.CreateAsync("g1", "ring the council", Sam, new DateOnly(2025, 3, 11));

        Assert.Equal(["Overdue"], Rows(f).Where(r => r.Kind != "Digest").Select(r => r.Kind));
    }

    [Fact]
    public async Task SaveAsync_NoOwnerOrNoDate_NoActionRows()
    {
        var f = new IndexFixture();
        await f.SeedGroupAsync("g1");

        await f.CreateAsync("g1", "update the website", null, Friday);
        await f.CreateAsync("g1", "think about parking", Sam, null);

        Assert.Equal(["Digest"], Rows(f).Select(r => r.Kind));
    }

    [Fact]
    public async Task SaveAsync_DigestOff_NoDigestRow()
    {
        var f = new IndexFixture();
        await f.SeedGroupAsync("g1", digest: false);
        await f.CreateAsync("g1", "book the hall", Sam, Friday);
        Assert.DoesNotContain(Rows(f), r => r.Kind == "Digest");
    }

    [Fact]
    public async Task SaveAsync_OwnerChangedSameDate_RowResetForTheNewOwner()
    {
        var f = new IndexFixture();
        await f.SeedGroupAsync("g1");
        await f.CreateAsync("g1", "book the hall", Sam, Friday);

        await f.ChangeAsync("g1", 1, a => a.WithOwner(Alex, KeyOf(Alex), Chair, Start));

        Assert.All(f.ReminderRows().Where(e => e.GetString("Kind") != "Digest"), e => Assert.Equal(Alex.Id, e.GetString("OwnerId")));
    }
}
