using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Tests.Members;

public sealed class RoleRulesTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 10, 10, 0, 0, TimeSpan.Zero);
    private static readonly MemberRef Chair = new("u-chair", "Pat");
    private static readonly MemberRef Treasurer = new("u-treasurer", "Tom");
    private static readonly MemberRef Owner = new("u-owner", "Sam");
    private static readonly MemberRef Creator = new("u-creator", "Alex");
    private static readonly MemberRef Other = new("u-other", "Kim");

    [Theory]
    [InlineData(MemberRole.Chair, true)]
    [InlineData(MemberRole.ViceChair, true)]
    [InlineData(MemberRole.Secretary, true)]
    [InlineData(MemberRole.Treasurer, true)]
    [InlineData(MemberRole.PublicityOfficer, false)]
    [InlineData(MemberRole.Member, false)]
    public void IsOfficerRole_EachRole_OnlyTheFourOffices(MemberRole role, bool officer) =>
        Assert.Equal(officer, RoleRules.IsOfficerRole(role));

    [Fact]
    public void MayChangeAction_OwnerCreatorOfficer_AllowedOthersNot()
    {
        var state = Group();
        var action = ActionItem.Create(1, "book the hall", 4, Creator, At) with { Owner = Owner };

        Assert.True(RoleRules.MayChangeAction(state, Owner.Id, action));
        Assert.True(RoleRules.MayChangeAction(state, Creator.Id, action));
        Assert.True(RoleRules.MayChangeAction(state, Treasurer.Id, action));
        Assert.False(RoleRules.MayChangeAction(state, Other.Id, action));
        Assert.True(RoleRules.MayChangeAction(state, Other.Id, action with { Owner = null }));
    }

    [Fact]
    public void IsOfficer_OfficerWhoLeft_IsNot()
    {
        var state = Group();
        state.Put(new MemberRecord(Chair, MemberRole.Chair, At) { Active = false });

        Assert.False(RoleRules.IsOfficer(state, Chair.Id));
        Assert.True(RoleRules.IsOfficer(state, Treasurer.Id));
    }

    [Fact]
    public void MaySetRoles_NoActiveOfficer_AnyoneMay()
    {
        var state = new GroupState("g");
        state.Put(new MemberRecord(Other, MemberRole.Member, At));
        state.Put(new MemberRecord(Chair, MemberRole.Chair, At) { Active = false });

        Assert.True(RoleRules.MaySetRoles(state, Other.Id));
        Assert.False(RoleRules.MaySetRoles(Group(), Other.Id));
    }

    [Fact]
    public void Keep_PastTheCap_DropsTheOldestPendingRecords()
    {
        var state = new GroupState("g");
        for (var i = 0; i < PendingActionRecord.MaxPerGroup + 5; i++)
        {
            var pending = new PendingActionRecord(PendingActionRecord.NewId(), $"task {i}", null, null, 1, Other, At.AddMinutes(i));
            PendingActionRecord.Keep(state, pending, At.AddMinutes(i));
        }

        var kept = state.OfType<PendingActionRecord>().ToList();
        Assert.Equal(PendingActionRecord.MaxPerGroup, kept.Count);
        Assert.DoesNotContain(kept, p => p.Title == "task 4");
        Assert.Contains(kept, p => p.Title == "task 5");
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("0123456789ABCDEF0123456789abcdef", false)]
    [InlineData("0123456789abcdef0123456789abcde|", false)]
    public void IsWellFormedId_Shapes_OnlyThirtyTwoLowerHex(string? id, bool expected) =>
        Assert.Equal(expected, PendingActionRecord.IsWellFormedId(id));

    private static GroupState Group()
    {
        var state = new GroupState("g");
        state.Put(new MemberRecord(Chair, MemberRole.Chair, At));
        state.Put(new MemberRecord(Treasurer, MemberRole.Treasurer, At));
        foreach (var person in new[] { Owner, Creator, Other })
        {
            state.Put(new MemberRecord(person, MemberRole.Member, At));
        }

        return state;
    }
}
