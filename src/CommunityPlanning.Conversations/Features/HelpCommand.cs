using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;

namespace CommunityPlanning.Conversations.Features;

/// <summary>
/// <c>help</c> (and "hello"): what the bot can do, in plain words. Short, so it fits a phone: the first
/// command of each topic, and every command of a topic folded under its own "…" control (Slack, which
/// cannot fold, gets a button that answers privately with that topic).
/// </summary>
public sealed partial class HelpCommand(IEnumerable<HelpEntry> entries) : ICommand, ICardActionHandler
{
    /// <summary>The verb of a topic's button where content cannot fold (data: topic).</summary>
    public const string TopicVerb = "help.topic";

    private const string TopicKey = "topic";

    private readonly IReadOnlyList<HelpEntry> _entries = entries.OrderBy(e => e.Order).ToList();

    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public bool Handles(string verb) => verb == TopicVerb;

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var intro = context.Plan is { } plan
            ? $"I help {plan.CommunityName}'s steering group work through its plan, step by step. Try one of these:"
            : "I help your steering group make a Community Led Plan, step by step. Press \"Start our plan\" (or type \"start\") to begin. Later, try:";
        var blocks = new List<CardBlock>
        {
            new TextBlock(intro),
            new FactsBlock(Enum.GetValues<HelpTopic>().Select(t => _entries.FirstOrDefault(e => e.Topic == t)).OfType<HelpEntry>().Select(e => new Fact(e.Command, e.Description)).ToList()),
        };
        blocks.AddRange(Enum.GetValues<HelpTopic>().Where(t => _entries.Any(e => e.Topic == t)).Select(t => new MoreBlock(TopicTitle(t) + "…", [Facts(t)], TopicVerb, context.Data((TopicKey, t.ToString())))));
        blocks.Add(new TextBlock("In a channel, start your message with @ and my name. In a chat with me, just type.", TextTone.Subtle));
        context.Show(new Card
        {
            Title = "What I can do",
            Blocks = blocks,
            Actions = context.Plan is { } current
                ? [new CardAction("Current step", Journey.JourneyVerbs.ShowStep, Journey.JourneyData.Step(context, current.CurrentStep)) { Style = ActionStyle.Positive }, new CardAction("Progress", ProgressCommand.Verb, context.Data())]
                : [new CardAction("Start our plan", StartPlan.ShowFormVerb, context.Data()) { Style = ActionStyle.Positive }],
        });
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Submission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(submission);
        var topic = Enum.TryParse<HelpTopic>(submission.Get(TopicKey), out var parsed) ? parsed : HelpTopic.Steps;
        context.Add(new Reply
        {
            Card = new Card { Title = "Help: " + TopicTitle(topic), Blocks = [Facts(topic), new TextBlock("Type \"help\" to see every topic.", TextTone.Subtle)] },
            Mode = ReplyMode.Private,
        });
        return ValueTask.CompletedTask;
    }

    private static string TopicTitle(HelpTopic topic) => topic switch
    {
        HelpTopic.Actions => "Actions",
        HelpTopic.Meetings => "Meetings",
        HelpTopic.Group => "Group",
        _ => "Steps",
    };

    private FactsBlock Facts(HelpTopic topic) =>
        new(_entries.Where(e => e.Topic == topic).Select(e => new Fact(e.Command, e.Description)).ToList());

    [GeneratedRegex(@"^(help|\?|what can you do|commands|hi|hello)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
