using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Pipeline;

namespace CommunityPlanning.Conversations.Features;

/// <summary><c>help</c>: what the bot can do, in plain words.</summary>
public sealed partial class HelpCommand(IEnumerable<HelpEntry> entries) : ICommand
{
    private readonly IReadOnlyList<HelpEntry> _entries = entries.OrderBy(e => e.Order).ToList();

    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var intro = context.Plan is { } plan
            ? $"I help {plan.CommunityName}'s steering group work through its plan, step by step."
            : "I help your steering group make a Community Led Plan, step by step. Type \"start\" to begin.";
        context.Show(new Card
        {
            Title = "What I can do",
            Blocks =
            [
                new TextBlock(intro),
                new FactsBlock(_entries.Select(e => new Fact(e.Command, e.Description)).ToList()),
                new TextBlock("In a channel, start your message with @ and my name. In a chat with me, just type."),
            ],
            Actions = context.Plan is null
                ? [new CardAction("Start our plan", StartPlan.ShowFormVerb, context.Data()) { Style = ActionStyle.Positive }]
                : [new CardAction("Show progress", ProgressCommand.Verb, context.Data())],
        });
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"^(help|\?|what can you do|commands|hi|hello)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
