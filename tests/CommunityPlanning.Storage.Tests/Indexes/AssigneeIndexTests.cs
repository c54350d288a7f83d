using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Ports;
using static CommunityPlanning.Storage.Tests.Indexes.IndexFixture;

namespace CommunityPlanning.Storage.Tests.Indexes;

public sealed class AssigneeIndexTests
{
    private static readonly DateOnly Friday = new(2025, 3, 14);

    [Fact]
    public async Task SaveAsync_OwnedAction_AppearsInTheOwnersListWithTheGroupName()
    {
        var f = new IndexFixture();
        await f.SeedGroupAsync("g1", "Little Wittering");
        await f.SeedGroupAsync("g2", "Great Snoring");
        await f.CreateAsync("g1", "book the hall", Sam, Friday);
        await f.CreateAsync("g2", "count bus shelters", Sam, null);
        await f.CreateAsync("g2", "someone else's", Alex, null);

        var mine = await f.Assignees.ForOwnerAsync(KeyOf(Sam));

        Assert.Equal(2, mine.Count);
        var hall = Assert.Single(mine, a => a.GroupId == "g1");
        Assert.Equal(("Little Wittering", 1, "book the hall", (DateOnly?)Friday, ActionStatus.NotStarted), (hall.GroupName, hall.ActionId, hall.Title, hall.Due, hall.Status));
        Assert.Contains(mine, a => a.GroupName == "Great Snoring" && a.Due is null);
    }

    [Fact]
    public async Task SaveAsync_Reassigned_MovesTheRow()
    {
        var f = new IndexFixture();
        await f.SeedGroupAsync("g1");
        await f.CreateAsync("g1", "book the hall", Sam, Friday);

        await f.ChangeAsync("g1", 1, a => a.WithOwner(Alex, KeyOf(Alex), Chair, Start));

        Assert.Empty(await f.Assignees.ForOwnerAsync(KeyOf(Sam)));
        Assert.Single(await f.Assignees.ForOwnerAsync(KeyOf(Alex)));
    }

    [Fact]
    public async Task SaveAsync_Completed_RemovesTheRow()
    {
        var f = new IndexFixture();
        await f.SeedGroupAsync("g1");
        await f.CreateAsync("g1", "book the hall", Sam, Friday);

        await f.ChangeAsync("g1", 1, a => a.WithStatus(ActionStatus.Completed, Sam, Start));

        Assert.Empty(f.AssigneeRows());
    }

    [Fact]
    public async Task SyncAsync_OlderRevisionArrivesLate_DoesNotOverwriteNewer()
    {
        var f = new IndexFixture();
        var v1 = ActionItem.Create(1, "book the hall", 4, Chair, Start) with { Owner = Sam, OwnerKey = KeyOf(Sam) };
        var v2 = v1.WithTitle("book the village hall", Sam, Start);

        await f.Assignees.SyncAsync("g1", "Little Wittering", v1, v2, default);
        await f.Assignees.SyncAsync("g1", "Little Wittering", null, v1, default);

        Assert.Equal("book the village hall", Assert.Single(await f.Assignees.ForOwnerAsync(KeyOf(Sam))).Title);
    }

    [Fact]
    public async Task SaveAsync_IndexUnavailable_SavesAnywayAndTheOutboxAppliesItOnTheNextPass()
    {
        var f = new IndexFixture(createIndexTables: false);
        await f.SeedGroupAsync("g1");

        var created = await f.CreateAsync("g1", "book the hall", Sam, Friday);
        Assert.NotNull((await f.Inner.LoadAsync("g1")).Find<ActionItem>(created.Key));
        Assert.NotEmpty(await f.Outbox.ListAsync("g1"));

        await f.Tables.CreateIfNotExistsAsync();
        f.Clock.Advance(f.Options.MaxBackoff);
        await f.Delivery.DrainGroupAsync("g1");

        Assert.Empty(await f.Outbox.ListAsync("g1"));

        Assert.Single(await f.Assignees.ForOwnerAsync(KeyOf(Sam)));
        Assert.Equal(3, f.ReminderRows().Count); // day-before, overdue, digest
    }
}
