using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Tests.State;

/// <summary>A turn's state over a frozen snapshot: shares it, changes only itself, and hands back the saved one.</summary>
public sealed class GroupSnapshotTests
{
    private static readonly MemberRef Sam = new("29:sam", "Sam");
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void StateOverASnapshot_ChangesNeverReachTheSnapshotOrAnotherStateOverIt()
    {
        var snapshot = Loaded(("a", "e1"), ("b", "e2"), ("c", "e3"));
        var one = new GroupState("g", snapshot);
        var other = new GroupState("g", snapshot);

        one.Put(Tick("b", done: false));
        one.Remove(Tick("c", done: true).Key);
        one.Put(Tick("d", done: true));

        Assert.Equal(["a", "b", "d"], one.OfType<ChecklistTick>().Select(t => t.ItemId));
        Assert.False(one.Find<ChecklistTick>(Tick("b", true).Key)!.Done);
        Assert.True(one.Loaded<ChecklistTick>(Tick("b", true).Key)!.Done);
        Assert.Equal([Tick("c", true).Key], one.Removed);
        Assert.Equal(["b", "d"], one.Changed.Cast<ChecklistTick>().Select(t => t.ItemId));

        Assert.Equal(["a", "b", "c"], other.OfType<ChecklistTick>().Select(t => t.ItemId));
        Assert.True(other.Find<ChecklistTick>(Tick("b", true).Key)!.Done);
        Assert.False(other.HasChanges);
        Assert.Equal(3, snapshot.Count);
        Assert.Equal("e3", snapshot.Versions[Tick("c", true).Key]);
    }

    [Fact]
    public void Snapshot_AfterASave_HoldsTheSavedRecordsAndVersions_AndRefusesUnsavedChanges()
    {
        var state = new GroupState("g", Loaded(("a", "e1"), ("b", "e2")));
        state.Put(Tick("a", done: false));
        state.Remove(Tick("b", true).Key);

        Assert.Throws<InvalidOperationException>(() => state.Snapshot());

        state.AcceptChanges(new Dictionary<string, string> { [Tick("a", false).Key] = "e9" });
        var saved = state.Snapshot();

        Assert.Equal([Tick("a", false).Key], saved.Records.Keys);
        Assert.False(((ChecklistTick)saved.Records[Tick("a", false).Key]).Done);
        Assert.Equal("e9", saved.Versions[Tick("a", false).Key]);
        Assert.False(saved.Versions.ContainsKey(Tick("b", true).Key));
        Assert.False(state.Loaded<ChecklistTick>(Tick("a", false).Key)!.Done);
    }

    [Fact]
    public void With_ReplacesOrRemovesOneRecord()
    {
        var snapshot = Loaded(("a", "e1"), ("b", "e2"));

        var replaced = snapshot.With(Tick("a", true).Key, Tick("a", done: false), "e5");
        var removed = snapshot.With(Tick("b", true).Key, null, null);

        Assert.Equal("e5", replaced.Versions[Tick("a", true).Key]);
        Assert.False(((ChecklistTick)replaced.Records[Tick("a", true).Key]).Done);
        Assert.Equal(1, removed.Count);
        Assert.Equal(2, snapshot.Count);
    }

    private static GroupSnapshot Loaded(params (string Item, string ETag)[] rows)
    {
        var state = new GroupState("g");
        foreach (var (item, etag) in rows)
        {
            state.Load(Tick(item, done: true), etag);
        }

        return state.Snapshot();
    }

    private static ChecklistTick Tick(string item, bool done) => new(1, item, done, Sam, Now);
}
