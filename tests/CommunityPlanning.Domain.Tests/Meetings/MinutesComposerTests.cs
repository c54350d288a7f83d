using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Tests.Meetings;

public sealed class MinutesComposerTests
{
    private static readonly MemberRef Ann = new("29:ann", "Ann");
    private static readonly MemberRef Bob = new("29:bob", "Bob");
    private static readonly MemberRef Cat = new("29:cat", "Cat");
    private static readonly DateTimeOffset Start = new(2025, 3, 14, 19, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddHours(2);
    private static readonly MeetingRecord Meeting = new("202503141900-ab", Ann, Start, Ann);

    private static GroupState State()
    {
        var state = new GroupState("group-1");
        state.Load(new PlanRecord("Little Wittering", PlanType.CommunityLedPlan, 1, Ann, Start.AddDays(-30)), "v");
        state.Load(Meeting, "v");
        state.Load(new CurrentMeeting(Meeting.Id), "v");
        return state;
    }

    [Fact]
    public void Compose_AttendanceAndApologies_AreListedByName()
    {
        var state = State();
        state.Load(new AttendanceRecord(Meeting.Id, Cat, AttendanceKind.Present, Cat, Start), "v");
        state.Load(new AttendanceRecord(Meeting.Id, Ann, AttendanceKind.Present, Ann, Start), "v");
        state.Load(new AttendanceRecord(Meeting.Id, Bob, AttendanceKind.Apologies, Ann, Start), "v");

        var minutes = MinutesComposer.Compose(state, Meeting, End, "Ann");

        Assert.Equal(["Ann", "Cat"], minutes.Attendees);
        Assert.Equal(["Bob"], minutes.Apologies);
        Assert.Equal("Little Wittering", minutes.CommunityName);
        Assert.False(minutes.ClosedAutomatically);
    }

    [Fact]
    public void Compose_Ticks_OnlyThoseTickedWhileTheMeetingRan()
    {
        var state = State();
        state.Load(new ChecklistTick(1, "contact-adviser", true, Bob, Start.AddMinutes(10)), "v");
        state.Load(new ChecklistTick(1, "read-guidance", true, Bob, Start.AddDays(-2)), "v");
        state.Load(new ChecklistTick(1, "council-support", false, Bob, Start.AddMinutes(20)), "v");

        var minutes = MinutesComposer.Compose(state, Meeting, End, "Ann");

        var tick = Assert.Single(minutes.Ticked);
        Assert.Equal(1, tick.Step);
        Assert.Equal("Bob", tick.By);
        Assert.DoesNotContain("contact-adviser", tick.Item, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_DecisionsNotesAndActions_InOrderWithOwnersAndDueDates()
    {
        var state = State();
        state.Load(new DecisionRecord(Meeting.Id, "a1", "Hold the launch on 12 April", Ann, Start.AddMinutes(5)), "v");
        state.Load(new DecisionRecord(Meeting.Id, "a2", "Spend up to £200 on leaflets", Bob, Start.AddMinutes(6)), "v");
        state.Load(new MeetingNoteRecord(Meeting.Id, "b1", "Hall free until 9pm", Cat, Start.AddMinutes(7)), "v");
        state.Load(new ActionItem(1, "Book the hall", 1, Ann, Start.AddMinutes(8)) { Owner = Bob, Due = new DateOnly(2025, 3, 21) }, "v");
        state.Load(new ActionItem(2, "Older action", 1, Ann, Start.AddDays(-7)), "v");
        state.Load(new ActionItem(3, "Linked earlier", 1, Ann, Start.AddDays(-7)) { MeetingId = Meeting.Id }, "v");
        state.Load(new ActionItem(4, "Made at another meeting", 1, Ann, Start.AddMinutes(9)) { MeetingId = "other" }, "v");

        var minutes = MinutesComposer.Compose(state, Meeting, End, "Ann");

        Assert.Equal(["Hold the launch on 12 April", "Spend up to £200 on leaflets"], minutes.Decisions.Select(d => d.Text));
        Assert.Equal("Bob", minutes.Decisions[1].By);
        Assert.Equal("Hall free until 9pm", Assert.Single(minutes.Notes).Text);
        Assert.Equal([1, 3], minutes.Actions.Select(a => a.Id));
        Assert.Equal(new MinutesAction(1, "Book the hall", "Bob", new DateOnly(2025, 3, 21)), minutes.Actions[0]);
    }

    [Fact]
    public void Compose_Quorum_FromStepTwoForm()
    {
        var state = State();
        state.Load(new FormRow(2, "governance", FormRow.SingleRowId, new Dictionary<string, string> { ["quorum"] = "3" }, Ann, Start), "v");
        state.Load(new AttendanceRecord(Meeting.Id, Ann, AttendanceKind.Present, Ann, Start), "v");
        state.Load(new AttendanceRecord(Meeting.Id, Bob, AttendanceKind.Present, Bob, Start), "v");

        var minutes = MinutesComposer.Compose(state, Meeting, End, "Ann");

        Assert.Equal(new QuorumStatus(3, 2), minutes.Quorum);
        Assert.False(minutes.Quorum!.Met);
        Assert.Equal("Not met: 2 here, 3 needed", MinutesMarkdown.QuorumText(minutes.Quorum));
        Assert.Equal("Met: 3 here, 3 needed", MinutesMarkdown.QuorumText(new QuorumStatus(3, 3)));
    }

    [Fact]
    public void Compose_NoQuorumSet_IsNull() => Assert.Null(MinutesComposer.Compose(State(), Meeting, End, "Ann").Quorum);

    [Fact]
    public void Compose_NextMeeting_OnlyWhenStillToCome()
    {
        var state = State();
        state.Load(new MeetingSchedule(Start.AddDays(28), Ann, Start), "v");
        Assert.Equal(Start.AddDays(28), MinutesComposer.Compose(state, Meeting, End, "Ann").NextMeeting);

        var past = State();
        past.Load(new MeetingSchedule(Start, Ann, Start.AddDays(-28)), "v");
        Assert.Null(MinutesComposer.Compose(past, Meeting, End, "Ann").NextMeeting);
    }

    [Fact]
    public void Compose_Agenda_WaitingItemsAndThoseCoveredHere()
    {
        var state = State();
        state.Load(new AgendaItemRecord("c1", "Summer fete stall", Bob, Start.AddDays(-3)), "v");
        state.Load(new AgendaItemRecord("c2", "Covered last time", Bob, Start.AddDays(-40)) { CoveredIn = "older" }, "v");
        state.Load(new AgendaItemRecord("c3", "Added after the end", Bob, End.AddMinutes(1)), "v");

        Assert.Equal(["Summer fete stall"], MinutesComposer.Compose(state, Meeting, End, "Ann").Agenda);
    }

    [Fact]
    public void Render_Markdown_HasEverySectionAndEscapesPeoplesText()
    {
        var state = State();
        state.Load(new AttendanceRecord(Meeting.Id, Ann, AttendanceKind.Present, Ann, Start), "v");
        state.Load(new DecisionRecord(Meeting.Id, "a1", "Use **bold** and [a link](http://evil) <script>", Ann, Start.AddMinutes(5)), "v");
        state.Load(new MeetingSchedule(Start.AddDays(28), Ann, Start), "v");

        var markdown = MinutesMarkdown.Render(MinutesComposer.Compose(state, Meeting, End, "Ann"));

        Assert.StartsWith("# Little Wittering steering group: minutes", markdown, StringComparison.Ordinal);
        Assert.Contains("**Meeting:** Fri 14 Mar 2025 at 7:00pm to 9:00pm", markdown, StringComparison.Ordinal);
        Assert.Contains("**Ended by:** Ann", markdown, StringComparison.Ordinal);
        foreach (var section in new[] { "## Present", "## Apologies", "## Quorum", "## Checklist items completed", "## Decisions", "## Actions", "## Notes", "## Next meeting" })
        {
            Assert.Contains(section, markdown, StringComparison.Ordinal);
        }

        Assert.Contains(@"Use \*\*bold\*\* and \[a link\]\(http://evil\) \<script\>", markdown, StringComparison.Ordinal);
        // 19:00 UTC on 11 April is 8pm in London (BST).
        Assert.Contains("Fri 11 Apr 2025 at 8:00pm", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ClosedAutomatically_SaysSo()
    {
        var markdown = MinutesMarkdown.Render(MinutesComposer.Compose(State(), Meeting, Start.AddHours(6), null));
        Assert.Contains("**Closed:** automatically, 6 hours after it started", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Period_PastMidnight_ShowsTheEndDateToo()
    {
        Assert.Equal("Fri 14 Mar 2025 at 7:00pm to 9:00pm", MinutesMarkdown.Period(Start, End));
        Assert.Equal("Fri 14 Mar 2025 at 7:00pm to Sat 15 Mar 2025 at 1:00am", MinutesMarkdown.Period(Start, Start.AddHours(6)));
    }

    [Fact]
    public void Escape_LineBreaks_BecomeSpaces() => Assert.Equal(@"a b \# c", MinutesMarkdown.Escape("a\nb\r# c"));
}
