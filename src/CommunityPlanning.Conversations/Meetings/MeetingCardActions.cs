using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Meetings;

/// <summary>
/// The meeting card's buttons: "I'm here", checklist ticks, apologies, refresh and end. Each changes one row
/// (the member's attendance, the item's tick) and replaces the card for everyone with a fresh one.
/// </summary>
public sealed class MeetingCardActions(MeetingCommand meetings) : ICardActionHandler
{
    /// <inheritdoc />
    public bool Handles(string verb) => MeetingVerbs.IsMeetingCardVerb(verb);

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Submission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(submission);
        var id = submission.Get(MeetingVerbs.MeetingKey);
        var meeting = MeetingIds.IsValid(id) ? context.State.Find<MeetingRecord>(MeetingRecord.KeyFor(id!)) : null;
        if (meeting is null)
        {
            Private(context, "I can't find that meeting. Type \"meeting\" to see the open one, or \"meeting start\" to start one.");
            return ValueTask.CompletedTask;
        }

        if (!meeting.IsOpen)
        {
            // A stale card: show everyone it has ended rather than change a closed meeting.
            if (submission.Verb == MeetingVerbs.Refresh && !submission.IsAutomatic)
            {
                context.Show(MeetingCard.Build(context, meeting), ReplyMode.ReplaceSource);
            }
            else
            {
                Private(context, MeetingText.MeetingEnded);
            }

            return ValueTask.CompletedTask;
        }

        switch (submission.Verb)
        {
            case MeetingVerbs.Here:
                MeetingAccess.MarkPresent(context, meeting, context.Turn.From);
                break;
            case MeetingVerbs.Tick:
                if (!Tick(context, submission))
                {
                    return ValueTask.CompletedTask;
                }

                break;
            case MeetingVerbs.ApologiesForm:
                context.Show(MeetingCard.ApologiesForm(context, meeting), ReplyMode.Private);
                return ValueTask.CompletedTask;
            case MeetingVerbs.Apologies:
                if (!Apologies(context, meeting, submission))
                {
                    return ValueTask.CompletedTask;
                }

                break;
            case MeetingVerbs.EndAsk or MeetingVerbs.End when MeetingAccess.EndRefusal(context, meeting) is { } refusal:
                Private(context, refusal);
                return ValueTask.CompletedTask;
            case MeetingVerbs.EndAsk:
                context.Show(MeetingCard.EndQuestion(context, meeting), ReplyMode.Private);
                return ValueTask.CompletedTask;
            case MeetingVerbs.End:
                meetings.EndFromCard(context, meeting);
                return ValueTask.CompletedTask;
        }

        context.Show(MeetingCard.Build(context, meeting), ReplyMode.ReplaceSource);
        return ValueTask.CompletedTask;
    }

    private static bool Tick(TurnContext context, Submission submission)
    {
        var plan = context.Plan;
        var itemId = submission.Get(ChecklistBlock.ItemKey);
        var step = int.TryParse(submission.Get(MeetingVerbs.StepKey), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) && StepCatalogue.IsValid(s) ? s : 0;
        var item = plan is null || step == 0
            ? null
            : StepCatalogue.Get(step).ChecklistFor(plan.PlanType.HasStatutoryMilestones()).FirstOrDefault(i => string.Equals(i.Id, itemId, StringComparison.Ordinal));
        if (item is null || !bool.TryParse(submission.Get(ChecklistBlock.DoneKey), out var done))
        {
            Private(context, "I couldn't find that checklist item. Press Refresh for a fresh card.");
            return false;
        }

        // The card sends the state wanted, so a stale card never undoes someone else's tick.
        var key = ChecklistTick.KeyFor(step, item.Id);
        if ((context.State.Find<ChecklistTick>(key)?.Done ?? false) != done)
        {
            context.State.Put(new ChecklistTick(step, item.Id, done, context.Turn.From, context.Now));
        }

        return true;
    }

    private static bool Apologies(TurnContext context, MeetingRecord meeting, Submission submission)
    {
        var picked = submission.Inputs.GetValueOrDefault(MeetingVerbs.MemberInput);
        var member = string.IsNullOrEmpty(picked) ? null : context.State.Find<MemberRecord>(MemberRecord.KeyFor(picked));
        if (member is null)
        {
            context.Show(MeetingCard.ApologiesForm(context, meeting, "Please pick a member."), ReplyMode.Private);
            return false;
        }

        if (!MeetingAccess.MayRecordApologies(context, meeting, member.Member))
        {
            Private(context, $"Only the chair or secretary can send apologies for {member.Member.Name}. You can send your own by typing \"apologies\".");
            return false;
        }

        MeetingAccess.RecordApologies(context, meeting, member.Member);
        return true;
    }

    private static void Private(TurnContext context, string text) => context.Add(new Reply { Text = text, Mode = ReplyMode.Private });
}
