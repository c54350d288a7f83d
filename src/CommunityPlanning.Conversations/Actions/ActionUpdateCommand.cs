using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Actions;

/// <summary>
/// Typed changes to an action: <c>done 12</c>, <c>action 12 due next Friday</c>, <c>action 12 to @Alex</c>,
/// <c>action 12 status on hold</c>, <c>action 12 rag amber</c>, <c>action 12 note rang the highways team</c>,
/// <c>action 12 50%</c>, <c>action 12 reopen</c>, <c>action 12 step 8</c>, and the plan verbs of <see cref="ActionPlanVerbs"/>
/// (<c>action 12 priority high</c>…).
/// </summary>
public sealed partial class ActionUpdateCommand(INextMeetingSource meetings) : ICommand
{
    private const string Help = "You can say \"action 12 due next Friday\", \"action 12 to @Alex\", \"action 12 status on hold\", \"action 12 rag amber\", \"action 12 note …\" or \"action 12 50%\". "
        + "To link it to the action plan: \"action 12 plan issue …\", \"action 12 priority high\", \"action 12 lead type partnership\", \"action 12 partners …\", \"action 12 cost 250\" or \"action 12 funding …\".";

    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(match);
        var id = match.Groups["id"].Value;
        if (ActionChanges.Find(context, id) is not { } action)
        {
            context.Say(ActionText.NotFound(int.Parse(id, CultureInfo.InvariantCulture)));
            return ValueTask.CompletedTask;
        }

        var rest = match.Groups["rest"].Value.Trim();
        if ((match.Groups["done"].Success || ChangesStatusOwnerOrDue(rest)) && ActionChanges.Refusal(context, action) is { } refusal)
        {
            context.Say(refusal);
            return ValueTask.CompletedTask;
        }

        if (match.Groups["done"].Success)
        {
            context.Say(ActionChanges.Complete(context, action));
        }
        else
        {
            Apply(context, action, rest);
        }

        // The action's card, wherever it was posted, no longer offers what no longer applies.
        if (context.State.Find<ActionItem>(action.Key) is { } after && !ReferenceEquals(after, action))
        {
            ActionCards.UpdateAnchored(context, after);
        }

        return ValueTask.CompletedTask;
    }

    // Notes, RAG, percentage and step are progress reports anyone may make; these, and the plan fields, need the
    // owner, the creator or an officer.
    private static bool ChangesStatusOwnerOrDue(string rest) =>
        ActionPlanVerbs.IsPlanChange(rest) || DuePart().IsMatch(rest) || OwnerPart().IsMatch(rest) || StatusPart().IsMatch(rest)
        || CompletePart().IsMatch(rest) || ReopenPart().IsMatch(rest) || DropPart().IsMatch(rest);

    private void Apply(TurnContext context, ActionItem action, string rest)
    {
        Match m;
        if (ActionPlanVerbs.IsPlanChange(rest))
        {
            context.Say(ActionPlanVerbs.Apply(context, action, rest));
        }
        else if ((m = DuePart().Match(rest)).Success)
        {
            SetDue(context, action, m.Groups["phrase"].Value);
        }
        else if ((m = OwnerPart().Match(rest)).Success)
        {
            SetOwner(context, action, m.Groups["who"].Value);
        }
        else if ((m = StatusPart().Match(rest)).Success)
        {
            if (ActionStatusNames.TryParse(m.Groups["s"].Value, out var status))
            {
                context.Say(status == ActionStatus.Completed ? ActionChanges.Complete(context, action) : ActionChanges.SetStatus(context, action, status));
            }
            else
            {
                context.Say("The statuses are: not started, in progress, completed, on hold and dropped. Try \"action " + ActionText.Number(action.Id) + " status on hold\".");
            }
        }
        else if ((m = RagPart().Match(rest)).Success)
        {
            SetRag(context, action, m.Groups["r"].Value);
        }
        else if ((m = NotePart().Match(rest)).Success)
        {
            AddNote(context, action, m.Groups["text"].Value.Trim());
        }
        else if ((m = PercentPart().Match(rest)).Success)
        {
            SetPercent(context, action, m.Groups["n"].Value);
        }
        else if ((m = StepPart().Match(rest)).Success)
        {
            var step = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (!StepCatalogue.IsValid(step))
            {
                context.Say("Steps are numbered 1 to 9.");
                return;
            }

            ActionChanges.Save(context, action, action.WithStep(step, context.Turn.From, context.Now));
            context.Say($"Action {ActionText.Number(action.Id)} is now under step {ActionText.Step(step)}.");
        }
        else if (CompletePart().IsMatch(rest))
        {
            context.Say(ActionChanges.Complete(context, action));
        }
        else if (ReopenPart().IsMatch(rest))
        {
            context.Say(ActionChanges.Reopen(context, action));
        }
        else if (DropPart().IsMatch(rest))
        {
            context.Say(ActionChanges.SetStatus(context, action, ActionStatus.Dropped));
        }
        else
        {
            context.Say(Help);
        }
    }

    private void SetDue(TurnContext context, ActionItem action, string phrase)
    {
        if (NoDate().IsMatch(phrase))
        {
            context.Say(ActionChanges.SetDue(context, action, null));
            return;
        }

        var today = ActionText.Today(context);
        var next = meetings.NextMeeting(context.State, context.Now) is { } meeting ? ReminderSchedule.LondonDate(meeting) : (DateOnly?)null;
        var result = DatePhraseParser.Parse(phrase, today, new DatePhraseContext(next));
        if (!result.Success)
        {
            context.Say($"{result.FailureReason} Try \"action {ActionText.Number(action.Id)} due 21/3\" or \"… due next Friday\".");
            return;
        }

        if (result.IsInPast)
        {
            context.Show(ActionChanges.ConfirmPastDue(context, action, result.Date));
            return;
        }

        context.Say(ActionChanges.SetDue(context, action, result.Date));
    }

    private static void SetOwner(TurnContext context, ActionItem action, string who)
    {
        MemberRef? owner;
        if (Nobody().IsMatch(who))
        {
            owner = null;
        }
        else if (Me().IsMatch(who))
        {
            owner = context.Turn.From;
        }
        else if (context.Turn.Mentions.Count > 0)
        {
            owner = context.Turn.Mentions[0];
        }
        else
        {
            context.Say($"Please @mention the person, like \"action {ActionText.Number(action.Id)} to @Alex\", so I know exactly who you mean.");
            return;
        }

        var check = owner is null ? MentionCheck.Unchecked : context.Turn.CheckOf(owner.Id);
        if (owner is not null && check == MentionCheck.NotInConversation)
        {
            context.Say($"{owner.Name} isn't in this conversation, so I haven't given them action {ActionText.Number(action.Id)} and I haven't sent them anything. Add them to the team or channel first, or pick someone here.");
            return;
        }

        // Confirmed by the channel: SetOwner makes them a member. Otherwise ask before trusting the mention.
        if (owner is not null && check != MentionCheck.InConversation && !ActionCreation.IsMember(context, owner))
        {
            context.Show(ActionChanges.ConfirmNewOwner(context, action, owner));
            return;
        }

        context.Add(ActionChanges.SetOwner(context, action, owner));
    }

    private static void SetRag(TurnContext context, ActionItem action, string text)
    {
        RagRating? rag = null;
        if (!NoDate().IsMatch(text))
        {
            if (!RagRatings.TryParse(text, out var parsed))
            {
                context.Say($"RAG is red, amber or green. Try \"action {ActionText.Number(action.Id)} rag amber\".");
                return;
            }

            rag = parsed;
        }

        ActionChanges.Save(context, action, action.WithRag(rag, context.Turn.From, context.Now));
        context.Say(rag is { } r ? $"Action {ActionText.Number(action.Id)} is rated {r.Title().ToLowerInvariant()}." : $"Action {ActionText.Number(action.Id)} has no RAG rating now.");
    }

    private static void AddNote(TurnContext context, ActionItem action, string text)
    {
        if (text.Length > ActionItem.MaxNoteLength)
        {
            context.Say(string.Create(CultureInfo.InvariantCulture, $"That note is {text.Length} characters; please keep notes under {ActionItem.MaxNoteLength}."));
            return;
        }

        ActionChanges.Save(context, action, action.WithNote(text, context.Turn.From, context.Now));
        context.Say($"Noted on action {ActionText.Number(action.Id)}. Type \"action {ActionText.Number(action.Id)}\" to see its notes and history.");
    }

    private static void SetPercent(TurnContext context, ActionItem action, string number)
    {
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) || percent > 100)
        {
            context.Say("Progress is a percentage from 0 to 100, like \"action " + ActionText.Number(action.Id) + " 50%\".");
            return;
        }

        ActionChanges.Save(context, action, action.WithPercent(percent, context.Turn.From, context.Now));
        var hint = percent == 100 && action.IsOpen ? $" If it's finished, type \"done {ActionText.Number(action.Id)}\"." : string.Empty;
        context.Say(string.Create(CultureInfo.InvariantCulture, $"Action {ActionText.Number(action.Id)} is {percent}% done.{hint}"));
    }

    [GeneratedRegex(@"^(?:(?<done>done|complete|completed|finished)\s+(?:action\s+)?#?(?<id>\d{1,5})|action\s+#?(?<id>\d{1,5})\s*[:\-]?\s+(?<rest>(?:(?:due|to|for|status|rag|notes?|progress|done|complete|completed|finished|reopen|re-open|drop|dropped|step|plan|issue|priority|lead|partners?|cost|funding|theme|timescale|measure)\b|assign|\d{1,3}\s*%).*))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Matcher();

    [GeneratedRegex(@"^due(?:\s+(?:date|on|by))?\s*[:\-]?\s*(?<phrase>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DuePart();

    [GeneratedRegex(@"^(?:to|for|assign(?:ed)?(?:\s+to)?|reassign(?:\s+to)?)\s+(?<who>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnerPart();

    [GeneratedRegex(@"^status\s*[:\-]?\s*(?<s>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusPart();

    [GeneratedRegex(@"^rag\s*[:\-]?\s*(?<r>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RagPart();

    [GeneratedRegex(@"^notes?\s*[:\-]?\s*(?<text>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex NotePart();

    [GeneratedRegex(@"^(?:progress\s*[:\-]?\s*)?(?<n>\d{1,3})\s*%(?:\s+(?:done|complete))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PercentPart();

    [GeneratedRegex(@"^step\s+(?<n>\d{1,2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StepPart();

    [GeneratedRegex(@"^(?:done|complete|completed|finished)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CompletePart();

    [GeneratedRegex(@"^re-?open$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReopenPart();

    [GeneratedRegex(@"^drop(?:ped)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DropPart();

    [GeneratedRegex(@"^(?:none|no date|no due date|clear|nothing|never|-)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoDate();

    [GeneratedRegex(@"^(?:nobody|no one|no-one|noone|none|unassigned)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Nobody();

    [GeneratedRegex(@"^(?:me|myself)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Me();
}
