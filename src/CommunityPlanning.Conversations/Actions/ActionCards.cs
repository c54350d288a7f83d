using System.Globalization;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Conversations.Actions;

/// <summary>The cards of the actions feature.</summary>
public static class ActionCards
{
    /// <summary>Most actions listed on one card.</summary>
    public const int MaxListed = 40;

    /// <summary>How many history entries the details card shows.</summary>
    public const int HistoryShown = 10;

    /// <summary>
    /// One action: title, owner, due, step, status, with buttons to change it. Shared, so it updates for everyone.
    /// <paramref name="quote"/> is the start of the message it was just made from, quoted beside its author.
    /// </summary>
    public static Card Details(TurnContext context, ActionItem action, bool withHistory = false, string? quote = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        var today = ActionText.Today(context);
        var facts = new List<Fact>
        {
            new("Owner", ActionText.Owner(action.Owner)) { Person = action.Owner },
            new("Due", ActionText.Due(action.Due, today, action.IsOpen)),
            new("Step", ActionText.Step(action.Step)),
            new("Status", action.Status.Title()),
        };
        if (action.PercentComplete > 0)
        {
            facts.Add(new Fact("Progress", string.Create(CultureInfo.InvariantCulture, $"{action.PercentComplete}%")));
        }

        if (action.Rag is { } rag)
        {
            facts.Add(new Fact("RAG", rag.Title()));
        }

        // Linked to the action plan: what the plan says of it.
        facts.AddRange(ActionPlanVerbs.Facts(action).Select(f => new Fact(f.Label, f.Value)));
        if (action.NextReview is { } review)
        {
            facts.Add(new Fact("Next review", Day(review)));
        }

        var blocks = new List<CardBlock> { new FactsBlock(facts) };
        if (action.FromMessageBy is { } by)
        {
            blocks.Add(new TextBlock(quote is { Length: > 0 } said ? $"From a message by {by}: {ActionText.Quote(said)}" : $"From a message by {by}.", TextTone.Subtle));
        }
        if (action.IsOverdue(today))
        {
            blocks.Add(new TextBlock("This action is overdue. Change the due date if the plan has moved on.", TextTone.Warning));
        }

        if (withHistory)
        {
            if (action.Notes.Count > 0)
            {
                blocks.Add(new TextBlock("Progress notes", TextTone.Heading));
                blocks.Add(new TextBlock(string.Join('\n', action.Notes.TakeLast(5).Select(n => $"{DisplayDates.Day(n.At)}, {n.By.Name}: {n.Text}"))));
            }

            blocks.Add(new TextBlock("History", TextTone.Heading));
            blocks.Add(new TextBlock(
                string.Join('\n', action.History.TakeLast(HistoryShown).Select(h => $"{DisplayDates.Day(h.At)}, {h.By.Name}: {h.Change}")),
                TextTone.Subtle));
        }

        var data = context.Data((ActionVerbs.IdKey, ActionText.Number(action.Id)));
        // An action nobody owns needs an owner first; "Mark done" is never the main button of an action
        // just made, and a done action offers only "Reopen".
        IReadOnlyList<CardAction> buttons = !action.IsOpen
            ? [new CardAction("Reopen", ActionVerbs.Reopen, data)]
            : action.Owner is null
                ?
                [
                    new CardAction("Assign", ActionVerbs.OwnerForm, data) { Style = ActionStyle.Positive },
                    new CardAction("Change due date", ActionVerbs.DueForm, data),
                    new CardAction("Mark done", ActionVerbs.Done, data),
                ]
                :
                [
                    new CardAction("Change due date", ActionVerbs.DueForm, data),
                    new CardAction("Reassign", ActionVerbs.OwnerForm, data),
                    new CardAction("Mark done", ActionVerbs.Done, data),
                ];
        if (action.FromMessageLink is { } link)
        {
            buttons = [.. buttons, CardAction.Link("Open the message", link)];
        }

        return new Card
        {
            Title = $"Action {ActionText.Number(action.Id)}: {action.Title}",
            Subtitle = action.IsOpen ? null : $"{action.Status.Title()}{(action.ClosedAt is { } at ? $" on {DisplayDates.Day(at)}" : string.Empty)}",
            Blocks = blocks,
            Actions = buttons,
            Shared = true,
        };
    }

    /// <summary>
    /// Shows an action's card; posted as a new message, it is remembered (anchored) so a typed change
    /// ("done 2") can update it in place for everyone.
    /// </summary>
    public static void Show(TurnContext context, Card card, ActionItem action, ReplyMode mode = ReplyMode.New)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        context.Add(new Reply { Card = card, Mode = mode, Anchor = mode == ReplyMode.New ? action.Key : null });
    }

    /// <summary>Updates the action's anchored card, if it was posted, to show the action as it is now.</summary>
    public static void UpdateAnchored(TurnContext context, ActionItem action)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        if (context.State.Find<SentMessageRecord>(SentMessageRecord.KeyFor(action.Key)) is { } sent)
        {
            context.Add(new Reply { Card = Details(context, action), Anchor = action.Key, ReplacesMessageId = sent.MessageId });
        }
    }

    /// <summary>The form to change an action's due date.</summary>
    public static Card DueForm(TurnContext context, ActionItem action, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        var data = context.Data((ActionVerbs.IdKey, ActionText.Number(action.Id)));
        return new Card
        {
            Title = $"When is action {ActionText.Number(action.Id)} due?",
            Blocks =
            [
                new TextBlock(action.Title),
                new InputBlock(new InputField(ActionVerbs.DueKey, "Due date", FieldType.Date)
                {
                    Value = action.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Required = true,
                    Error = error,
                }),
            ],
            Actions =
            [
                new CardAction("Save", ActionVerbs.SetDue, data) { Style = ActionStyle.Positive, SubmitsInputs = true },
                new CardAction("No due date", ActionVerbs.ClearDue, data),
                new CardAction("Cancel", ActionVerbs.Cancel, data),
            ],
        };
    }

    /// <summary>The form to give an action to another member.</summary>
    public static Card OwnerForm(TurnContext context, ActionItem action, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        var data = context.Data((ActionVerbs.IdKey, ActionText.Number(action.Id)));
        return new Card
        {
            Title = $"Who should do action {ActionText.Number(action.Id)}?",
            Blocks =
            [
                new TextBlock(action.Title),
                new InputBlock(MemberChoice(context, action.Owner?.Id, error)),
            ],
            Actions =
            [
                new CardAction("Save", ActionVerbs.SetOwner, data) { Style = ActionStyle.Positive, SubmitsInputs = true },
                new CardAction("Cancel", ActionVerbs.Cancel, data),
            ],
        };
    }

    /// <summary>A choice of the group's active members, with "Nobody yet" first.</summary>
    internal static InputField MemberChoice(TurnContext context, string? selected, string? error = null)
    {
        var members = context.State.OfType<MemberRecord>()
            .Where(m => m.Active)
            .OrderBy(m => m.Member.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(m => new InputChoice(m.Member.Id, m.Member.Name));
        return new InputField(ActionVerbs.OwnerKey, "Owner", FieldType.Choice)
        {
            Value = selected ?? ActionVerbs.NobodyValue,
            Choices = [new InputChoice(ActionVerbs.NobodyValue, "Nobody yet"), .. members],
            Error = error,
        };
    }

    /// <summary>The group's open actions, grouped by owner: owners with overdue actions first, unassigned last.</summary>
    public static Card List(TurnContext context, IReadOnlyList<ActionItem> open)
    {
        ArgumentNullException.ThrowIfNull(context);
        return List(open, ActionText.Today(context));
    }

    /// <summary>Open actions grouped by owner, for a given London day (the weekly digest has no turn).</summary>
    public static Card List(IReadOnlyList<ActionItem> open, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(open);
        var overdue = open.Count(a => a.IsOverdue(today));
        var groups = open.Take(MaxListed)
            .GroupBy(a => a.Owner?.Id ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key.Length == 0 ? 1 : 0)
            .ThenBy(g => g.Any(a => a.IsOverdue(today)) ? 0 : 1)
            .ThenBy(g => g.First().Owner?.Name ?? string.Empty, StringComparer.CurrentCultureIgnoreCase);
        var blocks = new List<CardBlock>();
        foreach (var group in groups)
        {
            var owner = group.First().Owner;
            blocks.Add(new TextBlock(owner is null ? "Not assigned yet" : owner.Name, TextTone.Heading) { Person = owner });
            blocks.Add(new FactsBlock(group.Select(ListFact(today)).ToList()));
        }

        if (open.Count > MaxListed)
        {
            blocks.Add(new TextBlock($"…and {open.Count - MaxListed} more. Type \"action\" and a number to see any one.", TextTone.Subtle));
        }

        var example = open.Count > 0 ? ActionText.Number(open[0].Id) : "1";
        blocks.Add(new TextBlock($"Type \"done {example}\" when one is finished, or \"action {example}\" to see its details.", TextTone.Subtle));
        return new Card
        {
            Title = "Open actions",
            Subtitle = overdue > 0 ? $"{Count(open.Count, "action")} · {overdue} overdue" : Count(open.Count, "action"),
            Blocks = blocks,
        };
    }

    // An action made from a message says so, with a link back to the message when the channel gave one.
    private static Func<ActionItem, Fact> ListFact(DateOnly today) => a =>
    {
        var label = $"Action {ActionText.Number(a.Id)}: {a.Title}";
        var summary = ActionText.Summary(a, today);
        return a switch
        {
            { FromMessageBy: { } by, FromMessageLink: { } link } => new Fact(label, summary) { Link = new FactLink($"from a message by {by}", link) },
            { FromMessageBy: { } by } => new Fact(label, $"{summary} · from a message by {by}"),
            _ => new Fact(label, summary),
        };
    };

    /// <summary>"1 action", "3 actions".</summary>
    internal static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    /// <summary>A due date for a card input: yyyy-MM-dd.</summary>
    internal static string InputDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date as people read it.</summary>
    internal static string Day(DateOnly date) => UkDateFormat.Day(date);
}
