using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Forms;
using System.Globalization;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Meetings;

/// <summary>
/// The shared meeting card: attendance, quorum, agenda, the current step's checklist, and what has been
/// decided so far. Every change rebuilds it from the stored records, so each person's press shows
/// everyone's latest state.
/// </summary>
public static class MeetingCard
{
    /// <summary>Most decisions (and actions) listed on the card; the minutes hold them all.</summary>
    public const int MaxListed = 8;

    /// <summary>The anchor the meeting's shared card is remembered under.</summary>
    public static string AnchorFor(string meetingId) => RecordKeys.Of(MeetingRecord.Kind, meetingId);

    /// <summary>
    /// Posts the meeting card as a new message, remembered as the meeting's card, with a line of text.
    /// </summary>
    public static void Post(TurnContext context, MeetingRecord meeting, string? text)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(meeting);
        context.Add(new Reply { Text = text, Card = Build(context, meeting), Anchor = AnchorFor(meeting.Id) });
    }

    /// <summary>
    /// After a typed change (a decision, a note, apologies): confirms it in a line of text and updates the
    /// meeting's card in place for everyone — or, when the card's id is not known, posts it afresh.
    /// </summary>
    public static void Refresh(TurnContext context, MeetingRecord meeting, string text)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(meeting);
        var anchor = AnchorFor(meeting.Id);
        if (context.State.Find<SentMessageRecord>(SentMessageRecord.KeyFor(anchor)) is not { } sent)
        {
            Post(context, meeting, text);
            return;
        }

        context.Say(text);
        context.Add(new Reply { Card = Build(context, meeting), Anchor = anchor, ReplacesMessageId = sent.MessageId });
    }

    /// <summary>
    /// When the meeting's shared card was sent, updates it in place for everyone (after the meeting ended by
    /// a typed command, so the old card no longer offers "I'm here"). Nothing is posted when it was not.
    /// </summary>
    public static void UpdateAnchored(TurnContext context, MeetingRecord meeting)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(meeting);
        var anchor = AnchorFor(meeting.Id);
        if (context.State.Find<SentMessageRecord>(SentMessageRecord.KeyFor(anchor)) is { } sent)
        {
            context.Add(new Reply { Card = Build(context, meeting), Anchor = anchor, ReplacesMessageId = sent.MessageId });
        }
    }

    /// <summary>The card for an open or closed meeting.</summary>
    public static Card Build(TurnContext context, MeetingRecord meeting)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(meeting);
        if (!meeting.IsOpen)
        {
            return Ended(context.State, meeting, context.Now);
        }

        var state = context.State;
        var plan = context.Plan;
        var blocks = new List<CardBlock> { Facts(state, meeting, context.Now) };
        var step = plan?.CurrentStep;
        blocks.Add(new TextBlock("Agenda", TextTone.Heading));
        blocks.Add(new TextBlock(Agenda(context, meeting, step)));
        if (plan is not null && step is { } s && StepCatalogue.IsValid(s))
        {
            blocks.Add(new TextBlock($"Step {MeetingText.Number(s)} checklist: {StepCatalogue.Get(s).Title}", TextTone.Heading));
            blocks.Add(new ChecklistBlock(
                MeetingVerbs.Tick,
                context.Data((MeetingVerbs.MeetingKey, meeting.Id), (MeetingVerbs.StepKey, MeetingText.Number(s))),
                Checklist(state, plan, s)));
        }

        AddSoFar(context, meeting, blocks);
        blocks.Add(new TextBlock(
            "Type \"decision …\", \"action @Sam … by Friday\", \"note …\" or \"agenda add …\" as you go. \"meeting end\" writes the minutes.",
            TextTone.Subtle));
        var data = context.Data((MeetingVerbs.MeetingKey, meeting.Id));
        return new Card
        {
            Title = Title(plan),
            Subtitle = "Meeting in progress",
            Blocks = blocks,
            Shared = true,
            ActionsFirst = true,
            Actions =
            [
                new CardAction("I'm here", MeetingVerbs.Here, data) { Style = ActionStyle.Positive },
                new CardAction("Record apologies", MeetingVerbs.ApologiesForm, data),
                new CardAction("Refresh", MeetingVerbs.Refresh, data),
                new CardAction("End meeting", MeetingVerbs.EndAsk, data) { Style = ActionStyle.Destructive },
            ],
        };
    }

    /// <summary>
    /// The card of a meeting that has ended, "Meeting ended" with a Minutes button. Built from the group's state
    /// alone, so the automatic close (no turn) can update the shared card as a typed "meeting end" does.
    /// </summary>
    public static Card Ended(GroupState state, MeetingRecord meeting, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(meeting);
        var closedAt = meeting.ClosedAt ?? now;
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Submission.GroupKey] = state.GroupId,
            [MeetingVerbs.MeetingKey] = meeting.Id,
        };
        return new Card
        {
            Title = Title(state.Find<PlanRecord>(PlanRecord.Kind)),
            Subtitle = "Meeting ended",
            Blocks =
            [
                Facts(state, meeting, now),
                new TextBlock(
                    meeting.ClosedAutomatically
                        ? $"This meeting was closed automatically at {MeetingText.When(closedAt)}. Press \"Minutes\" to read them."
                        : $"{meeting.ClosedBy?.Name ?? "Someone"} ended this meeting at {MeetingText.When(closedAt)}. Press \"Minutes\" to read them.",
                    TextTone.Subtle),
            ],
            Shared = true,
            Actions = [new CardAction("Minutes", MeetingVerbs.ShowMinutes, data) { Style = ActionStyle.Positive }],
        };
    }

    private static FactsBlock Facts(GroupState state, MeetingRecord meeting, DateTimeOffset now)
    {
        var attendance = state.Attendance(meeting.Id);
        var present = attendance.Where(a => a.Attendance == AttendanceKind.Present).Select(a => a.Member.Name).ToList();
        var apologies = attendance.Where(a => a.Attendance == AttendanceKind.Apologies).Select(a => a.Member.Name).ToList();
        var facts = new List<Fact>
        {
            new("Started", $"{MeetingText.When(meeting.StartedAt)} by {meeting.StartedBy.Name}"),
            new("Chair", meeting.Chair.Name),
            new($"Here ({MeetingText.Number(present.Count)})", MeetingText.Names(present, "Nobody yet: press \"I'm here\"")),
            new("Apologies", MeetingText.Names(apologies, "None")),
            new("Quorum", MinutesMarkdown.QuorumText(state.QuorumFor(meeting.Id))),
        };
        if (state.NextMeetingAfter(now) is { } next)
        {
            facts.Add(new Fact("Next meeting", MeetingText.When(next)));
        }

        return new FactsBlock(facts);
    }

    /// <summary>The small form for recording someone's apologies.</summary>
    public static Card ApologiesForm(TurnContext context, MeetingRecord meeting, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(meeting);
        var recorded = context.State.Attendance(meeting.Id).Select(a => a.Member.Id).ToHashSet(StringComparer.Ordinal);
        var choices = context.State.OfType<MemberRecord>()
            .Where(m => m.Active && !recorded.Contains(m.Member.Id))
            .OrderBy(m => m.Member.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(m => new InputChoice(m.Member.Id, m.Member.Name))
            .ToList();
        var data = context.Data((MeetingVerbs.MeetingKey, meeting.Id));
        var blocks = new List<CardBlock>
        {
            new TextBlock("Who has sent apologies? Only members I know are listed: anyone else can be named with \"apologies @name\"."),
        };
        if (choices.Count == 0)
        {
            blocks.Add(new TextBlock("Everyone I know is already down as here or sent apologies.", TextTone.Subtle));
            return new Card { Title = "Record apologies", Blocks = blocks, Actions = [new CardAction("Back to the meeting", MeetingVerbs.Refresh, data)] };
        }

        blocks.Add(new InputBlock(new InputField(MeetingVerbs.MemberInput, "Member", FieldType.Choice) { Required = true, Choices = choices, Error = error }));
        return new Card
        {
            Title = "Record apologies",
            Blocks = blocks,
            Actions =
            [
                new CardAction("Save apologies", MeetingVerbs.Apologies, data) { Style = ActionStyle.Positive, SubmitsInputs = true },
                new CardAction("Back to the meeting", MeetingVerbs.Refresh, data),
            ],
        };
    }

    /// <summary>Asks before ending the meeting from the card, so a stray press does not close it.</summary>
    public static Card EndQuestion(TurnContext context, MeetingRecord meeting)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(meeting);
        var data = context.Data((MeetingVerbs.MeetingKey, meeting.Id));
        return new Card
        {
            Title = "End the meeting?",
            Blocks = [new TextBlock("I'll close the meeting and post the minutes for everyone.")],
            Actions =
            [
                new CardAction("End and write the minutes", MeetingVerbs.End, data) { Style = ActionStyle.Destructive },
                new CardAction("Not yet", MeetingVerbs.Refresh, data),
            ],
        };
    }

    private static string Title(PlanRecord? plan) => plan is null ? "Steering group meeting" : $"{plan.CommunityName} steering group meeting";

    private static string Agenda(TurnContext context, MeetingRecord meeting, int? step)
    {
        var lines = new List<string>();
        var n = 0;
        foreach (var item in context.State.PendingAgenda())
        {
            lines.Add($"{MeetingText.Number(++n)}. {item.Text} (added by {item.By.Name})");
        }

        var today = DateOnly.FromDateTime(Domain.Dates.UkTime.ToLondon(context.Now).DateTime);
        // Actions agreed at this meeting are listed under "Actions agreed", not as agenda items.
        var due = context.State.OpenActions(today).Where(a => (a.IsOverdue(today) || a.IsDueSoon(today)) && a.CreatedAt < meeting.StartedAt).ToList();
        if (due.Count > 0)
        {
            lines.Add($"{MeetingText.Number(++n)}. Actions due or overdue:");
            lines.AddRange(due.Take(MaxListed).Select(a =>
                $"   • {MeetingText.Number(a.Id)}. {a.Title} ({a.Owner?.Name ?? "nobody yet"}, {(a.IsOverdue(today) ? "overdue since" : "due")} {MeetingText.Day(a.Due!.Value)})"));
            if (due.Count > MaxListed)
            {
                lines.Add($"   • and {MeetingText.Number(due.Count - MaxListed)} more: type \"actions\"");
            }
        }

        if (context.Plan is { } plan && step is { } s && StepCatalogue.IsValid(s))
        {
            var open = StepCatalogue.Get(s).ChecklistFor(plan.PlanType)
                .Count(i => context.State.Find<ChecklistTick>(ChecklistTick.KeyFor(s, i.Id)) is not { Done: true });
            lines.Add(open == 0
                ? $"{MeetingText.Number(++n)}. Step {MeetingText.Number(s)}: every checklist item is ticked. Is the step complete?"
                : $"{MeetingText.Number(++n)}. Step {MeetingText.Number(s)}: {MeetingText.Number(open)} checklist item{(open == 1 ? string.Empty : "s")} still open (below)");
        }

        return lines.Count == 0 ? "Nothing on the agenda yet. Add items with \"agenda add …\"." : string.Join("\n", lines);
    }

    private static List<ChecklistEntry> Checklist(GroupState state, PlanRecord plan, int step) =>
        StepCatalogue.Get(step).ChecklistFor(plan.PlanType)
            .Select(item =>
            {
                var tick = state.Find<ChecklistTick>(ChecklistTick.KeyFor(step, item.Id));
                var detail = tick is { Done: true } ? $"Ticked by {tick.By.Name}, {MeetingText.Day(DateOnly.FromDateTime(Domain.Dates.UkTime.ToLondon(tick.At).DateTime))}" : null;
                return new ChecklistEntry(item.Id, item.Text, tick?.Done ?? false, detail);
            })
            .ToList();

    private static void AddSoFar(TurnContext context, MeetingRecord meeting, List<CardBlock> blocks)
    {
        var decisions = context.State.Decisions(meeting.Id);
        if (decisions.Count > 0)
        {
            blocks.Add(new TextBlock($"Decisions ({MeetingText.Number(decisions.Count)})", TextTone.Heading));
            blocks.Add(new TextBlock(Listed(decisions.Select(d => $"{d.Text} ({d.By.Name})").ToList())));
        }

        var actions = MinutesComposer.ActionsOf(context.State, meeting, context.Now).ToList();
        if (actions.Count > 0)
        {
            blocks.Add(new TextBlock($"Actions agreed ({MeetingText.Number(actions.Count)})", TextTone.Heading));
            blocks.Add(new TextBlock(Listed(actions.Select(a =>
                $"{MeetingText.Number(a.Id)}. {a.Title} ({a.Owner?.Name ?? "nobody yet"}{(a.Due is { } d ? ", due " + MeetingText.Day(d) : string.Empty)})").ToList())));
        }

        var notes = context.State.MeetingNotes(meeting.Id).Count;
        if (notes > 0)
        {
            blocks.Add(new TextBlock(string.Create(CultureInfo.InvariantCulture, $"{notes} note{(notes == 1 ? string.Empty : "s")} taken. They'll be in the minutes."), TextTone.Subtle));
        }
    }

    // The newest few, so the card stays small; the minutes keep every one.
    private static string Listed(IReadOnlyList<string> lines)
    {
        var shown = lines.Skip(Math.Max(0, lines.Count - MaxListed)).Select(l => "• " + l);
        return lines.Count > MaxListed
            ? $"(the latest {MeetingText.Number(MaxListed)} of {MeetingText.Number(lines.Count)})\n" + string.Join("\n", shown)
            : string.Join("\n", shown);
    }
}
