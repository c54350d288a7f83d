using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;

namespace CommunityPlanning.Conversations.Actions;

/// <summary>
/// <c>actions</c> (the group's open actions by owner, overdue first), <c>my actions</c> (yours in every
/// group, from the assignee index) and <c>action 12</c> (details and history).
/// </summary>
public sealed partial class ActionListCommand(IAssigneeIndex index) : ICommand, ICardActionHandler
{
    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public bool Handles(string verb) => verb == ActionVerbs.List;

    /// <inheritdoc />
    public async ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(match);
        if (match.Groups["mine"].Success)
        {
            await ShowMineAsync(context, cancellationToken).ConfigureAwait(false);
        }
        else if (match.Groups["id"].Success)
        {
            var id = int.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture);
            if (context.State.Find<ActionItem>(ActionItem.KeyFor(id)) is { } action)
            {
                ActionCards.Show(context, ActionCards.Details(context, action, withHistory: true), action);
            }
            else
            {
                context.Say(ActionText.NotFound(id));
            }
        }
        else
        {
            ShowOpen(context);
        }
    }

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Submission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ShowOpen(context);
        return ValueTask.CompletedTask;
    }

    private static void ShowOpen(TurnContext context)
    {
        if (context.Plan is null)
        {
            context.Say(Messages.NoPlanYet);
            return;
        }

        var open = context.State.OpenActions(ActionText.Today(context));
        if (open.Count == 0)
        {
            context.Say("There are no open actions. Make one like this: \"action @Sam book the village hall by Friday\".");
            return;
        }

        context.Show(ActionCards.List(context, open));
    }

    private async Task ShowMineAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var today = ActionText.Today(context);
        var me = context.Turn.From;
        var key = AssigneeKeys.For(context.Turn.Conversation.Channel, context.Turn.Conversation.Tenant, me.Id);
        var indexed = await index.ForOwnerAsync(key, cancellationToken).ConfigureAwait(false);

        // This group's state is already loaded and is newer than the index, so it wins for this group.
        var here = context.State.Actions()
            .Where(a => a.IsOpen && string.Equals(a.Owner?.Id, me.Id, StringComparison.Ordinal))
            .Select(a => new AssignedAction(context.State.GroupId, context.Plan?.CommunityName, a.Id, a.Title, a.Due, a.Status));
        var all = indexed.Where(a => !string.Equals(a.GroupId, context.State.GroupId, StringComparison.Ordinal) && a.Status.IsOpen())
            .Concat(here)
            .ToList();
        if (all.Count == 0)
        {
            context.Say("You have no open actions. Nice!");
            return;
        }

        var overdue = all.Count(a => a.Due is { } d && d < today);
        var blocks = new List<CardBlock>();
        foreach (var group in all.GroupBy(a => a.GroupId, StringComparer.Ordinal)
                     .OrderBy(g => string.Equals(g.Key, context.State.GroupId, StringComparison.Ordinal) ? 0 : 1)
                     .ThenBy(g => g.First().GroupName ?? string.Empty, StringComparer.CurrentCultureIgnoreCase))
        {
            blocks.Add(new TextBlock(group.First().GroupName is { Length: > 0 } name ? name : "Another group", TextTone.Heading));
            var ordered = group
                .OrderBy(a => a.Due is { } d && d < today ? 0 : 1)
                .ThenBy(a => a.Due is null ? 1 : 0)
                .ThenBy(a => a.Due ?? DateOnly.MaxValue)
                .ThenBy(a => a.ActionId)
                .Take(ActionCards.MaxListed);
            blocks.Add(new FactsBlock(ordered.Select(a => new Fact(
                $"Action {ActionText.Number(a.ActionId)}: {a.Title}",
                a.Status == ActionStatus.NotStarted ? ActionText.Due(a.Due, today) : $"{ActionText.Due(a.Due, today)} · {a.Status.Title()}")).ToList()));
        }

        blocks.Add(new TextBlock("In each group's chat, type \"done 12\" when one is finished.", TextTone.Subtle));
        context.Show(new Card
        {
            Title = $"{me.Name}'s actions",
            Subtitle = overdue > 0 ? $"{ActionCards.Count(all.Count, "action")} · {overdue} overdue" : ActionCards.Count(all.Count, "action"),
            Blocks = blocks,
        });
    }

    [GeneratedRegex(@"^(?:(?<mine>my)\s+(?:open\s+)?actions|(?:show\s+|list\s+|open\s+|all\s+)?actions(?:\s+list)?|(?:show\s+)?action\s+#?(?<id>\d{1,5}))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
