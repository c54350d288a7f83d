using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Actions;

/// <summary>
/// Makes an action from one message: <c>action @Sam book the hall by Friday</c>, <c>action: update the
/// website</c>, and (when no command matches) <c>@Sam to ask the council by 14/3</c> or <c>I'll draft the
/// newsletter by end of month</c>. Anything unclear is asked on a card; nothing is created until answered.
/// </summary>
public sealed partial class CreateActionCommand(INextMeetingSource meetings) : ICommand, IDialogContinuation, ICardActionHandler
{
    private const string Example = "action @Sam book the village hall by Friday";

    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public bool Handles(string verb) => verb.StartsWith(ActionVerbs.NewPrefix, StringComparison.Ordinal);

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(match);
        var rest = match.Groups["rest"].Value;
        var parsed = ActionSentence.FromActionCommand(rest, context.Turn.Mentions, ActionText.Today(context), DateContext(context));
        Start(context, parsed);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> TryContinueAsync(TurnContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = CommandText.Clean(context.Turn.Text);
        var parsed = ActionSentence.FromSentence(text, context.Turn.From, context.Turn.Mentions, ActionText.Today(context), DateContext(context));
        if (parsed is null)
        {
            return ValueTask.FromResult(false);
        }

        // Without the word "action" a sentence might be chat ("I'll be late"), so with no date we ask rather than create.
        Start(context, parsed, askWhenUndated: true);
        return ValueTask.FromResult(true);
    }

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Submission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(submission);
        if (PendingActions.From(context, submission) is not { } pending)
        {
            // A second press of a button that already made the action finds that action.
            var made = context.State.Actions().FirstOrDefault(a => a.SourceId is not null && string.Equals(a.SourceId, submission.Get(PendingActions.IdKey), StringComparison.Ordinal));
            if (made is not null && submission.Verb != ActionVerbs.NewCancel)
            {
                context.Show(ActionCards.Details(context, made), ReplyMode.ReplaceSource);
            }
            else
            {
                context.Add(new Reply { Text = $"That card has expired or was already answered. Please type the action again, like \"{Example}\".", Mode = ReplyMode.Private });
            }

            return ValueTask.CompletedTask;
        }

        if (pending.ActionId is not null)
        {
            context.Add(new Reply { Text = Messages.UnknownButton, Mode = ReplyMode.Private });
            return ValueTask.CompletedTask;
        }

        switch (submission.Verb)
        {
            case ActionVerbs.NewCancel:
                context.State.Remove(pending.Key);
                context.Add(new Reply { Text = $"OK, I haven't made the action {ActionText.Quote(pending.Title)}.", Mode = ReplyMode.ReplaceSource });
                return ValueTask.CompletedTask;
            case ActionVerbs.NewDue:
                if (!PendingActions.TryDate(submission.Inputs.GetValueOrDefault(ActionVerbs.DueKey), out var due))
                {
                    ActionCreation.Continue(context, pending with { AskDue = true, DueProblem = "Please pick a date, or press \"No due date\"." }, ReplyMode.ReplaceSource);
                    return ValueTask.CompletedTask;
                }

                pending = pending with { Due = due, AskDue = false, PastConfirmed = false };
                break;
            case ActionVerbs.NewNoDue:
                pending = pending with { Due = null, AskDue = false };
                break;
            case ActionVerbs.NewKeepDate:
                pending = pending with { PastConfirmed = true };
                break;
            case ActionVerbs.NewAddOwner:
                pending = pending with { OwnerConfirmed = true };
                break;
            case ActionVerbs.NewPickOwner:
                var picked = ActionVerbs.PickedOwner(submission.Inputs.GetValueOrDefault(ActionVerbs.OwnerKey));
                var member = string.IsNullOrEmpty(picked) ? null : context.State.Find<Domain.Members.MemberRecord>(Domain.Members.MemberRecord.KeyFor(picked));
                if (!string.IsNullOrEmpty(picked) && member is null)
                {
                    context.Add(new Reply { Text = "I can't find that member any more. Please pick again.", Mode = ReplyMode.Private });
                    return ValueTask.CompletedTask;
                }

                pending = pending with { Owner = member?.Member, OwnerConfirmed = false };
                break;
            case ActionVerbs.NewNoOwner:
                pending = pending with { Owner = null };
                break;
            default:
                context.Add(new Reply { Text = Messages.UnknownButton, Mode = ReplyMode.Private });
                return ValueTask.CompletedTask;
        }

        ActionCreation.Continue(context, pending, ReplyMode.ReplaceSource);
        return ValueTask.CompletedTask;
    }

    private static void Start(TurnContext context, ParsedAction? parsed, bool askWhenUndated = false)
    {
        if (context.Plan is not { } plan)
        {
            context.Say(Messages.NoPlanYet);
            return;
        }

        if (parsed is null || parsed.Title.Length == 0)
        {
            context.Say($"What's the action? Say who, what and when, like \"{Example}\".");
            return;
        }

        if (parsed.Title.Length > ActionItem.MaxTitleLength)
        {
            context.Say(string.Create(
                CultureInfo.InvariantCulture,
                $"That action is {parsed.Title.Length} characters long; please keep it under {ActionItem.MaxTitleLength}. You can add detail later with \"action 12 note …\"."));
            return;
        }

        var pending = new PendingActionRecord(PendingActionRecord.NewId(), parsed.Title, parsed.Owner, parsed.Due, parsed.Step ?? plan.CurrentStep, context.Turn.From, context.Now)
        {
            AskDue = parsed.Reading == DueReading.NotUnderstood || (askWhenUndated && parsed.Reading == DueReading.None),
            DueProblem = parsed.DueProblem ?? (parsed.Reading == DueReading.NotUnderstood ? "I couldn't tell the due date from that." : null),
        };
        if (!StepCatalogue.IsValid(pending.Step))
        {
            pending = pending with { Step = plan.CurrentStep };
        }

        ActionCreation.Continue(context, pending, ReplyMode.New);
    }

    private DatePhraseContext DateContext(TurnContext context) =>
        new(meetings.NextMeeting(context.State, context.Now) is { } next ? ReminderSchedule.LondonDate(next) : null);

    [GeneratedRegex(@"^(?:new\s+|add\s+(?:an?\s+)?)?action\b\s*[:\-–]?\s*(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Matcher();
}
