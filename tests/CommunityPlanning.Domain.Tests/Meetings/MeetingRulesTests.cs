using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Tests.Meetings;

public sealed class MeetingRulesTests
{
    private static readonly MemberRef Ann = new("29:ann", "Ann");
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 19, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NewMeetingId_IsLondonStartTimeThenSuffix_AndSortsByDate()
    {
        var summer = MeetingIds.NewMeetingId(new DateTimeOffset(2025, 7, 1, 18, 30, 0, TimeSpan.Zero), Ann.Id);
        Assert.StartsWith("202507011930-", summer, StringComparison.Ordinal);
        Assert.True(MeetingIds.IsValid(summer));
        Assert.True(string.CompareOrdinal(MeetingIds.NewMeetingId(Now, Ann.Id), summer) < 0);
    }

    [Fact]
    public void NewEntryId_SameMillisecondTaken_MovesOn()
    {
        var state = new GroupState("g");
        var first = MeetingIds.NewEntryId(state, e => DecisionRecord.KeyFor("m", e), Now, Ann.Id);
        state.Put(new DecisionRecord("m", first, "One", Ann, Now));
        var second = MeetingIds.NewEntryId(state, e => DecisionRecord.KeyFor("m", e), Now, Ann.Id);

        Assert.NotEqual(first, second);
        Assert.True(string.CompareOrdinal(first, second) < 0);
    }

    [Fact]
    public void NewEntryId_TwoPeopleSameMillisecond_Differ() =>
        Assert.NotEqual(
            MeetingIds.NewEntryId(new GroupState("g"), e => e, Now, "29:ann"),
            MeetingIds.NewEntryId(new GroupState("g"), e => e, Now, "29:bob"));

    [Theory]
    [InlineData("meeting|x")]
    [InlineData("../etc")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_ForeignText_IsFalse(string? id) => Assert.False(MeetingIds.IsValid(id));

    [Fact]
    public void OpenMeeting_PointerToOpenMeeting_IsFound()
    {
        var state = new GroupState("g");
        Assert.Null(state.OpenMeeting());
        var meeting = new MeetingRecord("202503141900-ab", Ann, Now, Ann);
        state.Put(meeting);
        state.Put(new CurrentMeeting(meeting.Id));
        Assert.Equal(meeting, state.OpenMeeting());

        state.Put(meeting.Close(Ann, Now.AddHours(1)));
        Assert.Null(state.OpenMeeting());
    }

    [Fact]
    public void Close_WithoutPerson_IsAutomatic()
    {
        var closed = new MeetingRecord("m", Ann, Now, Ann).Close(null, Now.AddHours(6));
        Assert.True(closed.ClosedAutomatically);
        Assert.Equal(MeetingStatus.Closed, closed.Status);
        Assert.False(new MeetingRecord("m", Ann, Now, Ann).Close(Ann, Now).ClosedAutomatically);
    }

    [Theory]
    [InlineData(359, false)]
    [InlineData(360, true)]
    [InlineData(600, true)]
    public void IsDueToAutoClose_AfterSixHours(int minutes, bool expected) =>
        Assert.Equal(expected, MeetingRules.IsDueToAutoClose(Now, Now.AddMinutes(minutes)));

    [Fact]
    public void ScheduledNextMeeting_FutureOnly()
    {
        var state = new GroupState("g");
        var source = new ScheduledNextMeeting();
        Assert.Null(source.NextMeeting(state, Now));

        state.Put(new MeetingSchedule(Now.AddDays(7), Ann, Now));
        Assert.Equal(Now.AddDays(7), source.NextMeeting(state, Now));
        Assert.Null(source.NextMeeting(state, Now.AddDays(8)));
    }
}
