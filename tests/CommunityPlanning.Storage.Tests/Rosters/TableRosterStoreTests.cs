using Azure.Data.Tables;
using CommunityPlanning.Conversations.Rosters;
using CommunityPlanning.Storage.Rosters;
using CommunityPlanning.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Storage.Tests.Rosters;

/// <summary>The rosters table on Azurite: people by group, the daily refresh claim, the "told once" mark.</summary>
public sealed class TableRosterStoreTests
{
    private const string Group = "msteams-0123456789abcdef0123456789abcdef";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero));
    private readonly TableRosterStore _store;

    public TableRosterStoreTests()
    {
        var service = new TableServiceClient(Azurite.ConnectionString);
        _store = new TableRosterStore(service, Options.Create(new StorageOptions { TablePrefix = Azurite.NewTablePrefix() }), _clock);
        _store.Table.CreateIfNotExists();
    }

    [Fact]
    public async Task FindAsync_ByUserIdOrEntraObjectId_FindsThePersonAndGuestsAreMarked()
    {
        var aad = Guid.NewGuid().ToString();
        await _store.PutAsync(Group, [new RosterPerson("29:chris/#?", "Chris Hill") { AadObjectId = aad, UserRole = "guest", Guest = true }, new RosterPerson("29:alex", "Alex Green")]);

        var byId = await _store.FindAsync(Group, "29:chris/#?");
        var byAad = await _store.FindAsync(Group, aad);

        Assert.Equal("Chris Hill", byId!.Name);
        Assert.True(byId.Guest);
        Assert.Equal("29:chris/#?", byAad!.UserId);
        Assert.Null(await _store.FindAsync(Group, "29:nobody"));
        Assert.Null(await _store.FindAsync("msteams-other", "29:alex"));
    }

    [Fact]
    public async Task RemoveAsync_SomeAlreadyGone_RemovesTheRestAndListsWhoIsLeft()
    {
        await _store.PutAsync(Group, [new RosterPerson("29:a", "A"), new RosterPerson("29:b", "B")]);

        await _store.RemoveAsync(Group, ["29:a", "29:never"]);

        var left = new List<string>();
        await foreach (var person in _store.ListAsync(Group))
        {
            left.Add(person.UserId);
        }

        Assert.Equal(["29:b"], left);
    }

    [Fact]
    public async Task TryClaimRefreshAsync_PagedToday_NotAgainUntilADayHasPassed()
    {
        var now = _clock.GetUtcNow();
        Assert.True(await _store.TryClaimRefreshAsync(Group, now, now - TimeSpan.FromDays(1), TimeSpan.FromMinutes(2)));
        Assert.False(await _store.TryClaimRefreshAsync(Group, now, now - TimeSpan.FromDays(1), TimeSpan.FromMinutes(2)));
        await _store.FinishRefreshAsync(Group, now, null);

        var later = now + TimeSpan.FromHours(12);
        Assert.False(await _store.TryClaimRefreshAsync(Group, later, later - TimeSpan.FromDays(1), TimeSpan.FromMinutes(2)));
        var nextDay = now + TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1);
        Assert.True(await _store.TryClaimRefreshAsync(Group, nextDay, nextDay - TimeSpan.FromDays(1), TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public async Task TryClaimRefreshAsync_FailedPage_WaitsForTheRetryTime()
    {
        var now = _clock.GetUtcNow();
        Assert.True(await _store.TryClaimRefreshAsync(Group, now, now, TimeSpan.FromMinutes(2)));
        await _store.FinishRefreshAsync(Group, now, now + TimeSpan.FromMinutes(15));

        Assert.False(await _store.TryClaimRefreshAsync(Group, now + TimeSpan.FromMinutes(5), now, TimeSpan.FromMinutes(2)));
        Assert.True(await _store.TryClaimRefreshAsync(Group, now + TimeSpan.FromMinutes(16), now, TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public async Task TryMarkPrivateRefusalToldAsync_CalledTwiceOrConcurrently_TrueOnlyOnce()
    {
        await _store.PutAsync(Group, [new RosterPerson("29:a", "A")]);
        var now = _clock.GetUtcNow();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _store.TryMarkPrivateRefusalToldAsync(Group, "29:a", now)));
        var stranger = await _store.TryMarkPrivateRefusalToldAsync(Group, "29:new", now);

        Assert.Single(results, r => r);
        Assert.True(stranger);
        Assert.False(await _store.TryMarkPrivateRefusalToldAsync(Group, "29:new", now));
        Assert.Null(await _store.FindAsync(Group, "29:new"));
        Assert.Equal("A", (await _store.FindAsync(Group, "29:a"))!.Name);
    }
}
