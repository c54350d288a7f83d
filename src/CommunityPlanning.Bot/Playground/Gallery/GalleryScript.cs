using System.Globalization;
using CommunityPlanning.Conversations;
using CommunityPlanning.Conversations.Actions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Journey;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Ports;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunityPlanning.Bot.Playground.Gallery;

/// <summary>
/// A steering group's first weeks, played through the real conversation pipeline (commands, buttons,
/// forms) on a store of its own, keeping every card the bot answers with. So the gallery shows what the
/// bot really sends, with realistic data, and changes when the features do.
/// </summary>
internal sealed class GalleryScript : IDisposable
{
    public static readonly MemberRef Alice = new("29:alice-archer", "Alice Archer");
    public static readonly MemberRef Sam = new("29:sam-smith", "Sam Smith");
    public static readonly MemberRef Priya = new("29:priya-patel", "Priya Patel");

    private readonly ServiceProvider _services;
    private readonly TurnProcessor _processor;
    private readonly GalleryClock _clock = new();
    private readonly ConversationKey _key = new("msteams", "gallery-tenant", "19:little-wittering-steering@thread.tacv2");
    private readonly List<(string Name, string Caption, Card Card)> _kept = [];
    private int _turns;

    public GalleryScript(IProgressPictures pictures)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton(pictures);
        services.AddSingleton<IGroupStore>(new GalleryStore());
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddConversations();
        _services = services.BuildServiceProvider();
        _processor = _services.GetRequiredService<TurnProcessor>();
    }

    /// <summary>Plays the script and returns the cards kept, in the order people would meet them.</summary>
    public async Task<IReadOnlyList<(string Name, string Caption, Card Card)>> RunAsync(CancellationToken cancellationToken = default)
    {
        Keep("hello", "Hello, before a plan exists (the short help)", await SayAsync(Alice, "hello", cancellationToken));
        Keep("welcome", "When the bot is added to a channel", await RunAsync(new Turn { Kind = TurnKind.BotAdded, Conversation = _key, From = Alice }, cancellationToken));
        var form = Keep("start-form", "Start your plan (form)", await SayAsync(Alice, "start", cancellationToken));
        Keep("start-form-errors", "Start your plan, with an answer refused (form)", await PressAsync(Alice, form, StartPlan.CreateVerb, cancellationToken, (StartPlanForm.CommunityName, "  "), (StartPlanForm.PlanTypeField, PlanType.CommunityLedPlan.Code())));
        Keep("plan-started", "The plan has started", await PressAsync(Alice, form, StartPlan.CreateVerb, cancellationToken, (StartPlanForm.CommunityName, "Little Wittering (Parish Plan)"), (StartPlanForm.PlanTypeField, PlanType.CommunityLedPlan.Code())));

        await SayAsync(Alice, "role me chair", cancellationToken);
        await SayAsync(Alice, "role @Sam Smith secretary", cancellationToken, Sam);
        await SayAsync(Priya, "hello", cancellationToken);
        Keep("members", "The steering group and its roles", await SayAsync(Alice, "members", cancellationToken));
        Keep("help", "Help, by topic", await SayAsync(Sam, "help", cancellationToken));

        var step = Keep("step", "A step: guidance, what's still to do, forms", await SayAsync(Alice, "where are we", cancellationToken));
        var checklist = Keep("checklist-empty", "The step's checklist, nothing ticked yet", await SayAsync(Alice, "checklist", cancellationToken));
        var block = checklist.Blocks.OfType<ChecklistBlock>().First();
        foreach (var item in block.Items.Take(3))
        {
            var data = new Dictionary<string, string>(block.Data, StringComparer.Ordinal) { [ChecklistBlock.ItemKey] = item.Id, [ChecklistBlock.DoneKey] = "true" };
            await SubmitAsync(item == block.Items[0] ? Alice : Sam, block.Verb, data, cancellationToken);
        }

        Keep("checklist", "The checklist, three items ticked", await SayAsync(Priya, "checklist", cancellationToken));
        var forms = Keep("step-forms", "The step's forms, from its Forms button", await PressAsync(Alice, step, JourneyVerbs.ShowForms, cancellationToken));
        Keep("step-form", "One of the step's forms (form)", await PressAsync(Alice, forms, JourneyVerbs.OpenForm, cancellationToken));

        Keep("action-new", "A new action with an owner and a due date", await SayAsync(Alice, "action @Sam Smith book the village hall for 12 March by Friday", cancellationToken, Sam));
        Keep("action-ownerless", "A new action nobody owns yet", await SayAsync(Priya, "action: ask the council for the parish boundary map [PDF]", cancellationToken));
        await SayAsync(Sam, "action @Priya Patel draft the *first* newsletter by end of month", cancellationToken, Priya);
        var action = Keep("action", "One action, with its history", await SayAsync(Sam, "action 1", cancellationToken));
        if (FindAction(action, ActionVerbs.DueForm) is { } due)
        {
            Keep("action-due-form", "Change an action's due date (form)", await PressAsync(Sam, due, cancellationToken));
        }

        if (FindAction(action, ActionVerbs.OwnerForm) is { } owner)
        {
            Keep("action-owner-form", "Give an action to someone else (form)", await PressAsync(Sam, owner, cancellationToken));
        }

        var fromMessage = Keep("action-message-form", "Make an action from a message (dialog)", await MessageActionAsync(Alice, Priya, "Could Sam Smith ring the village hall about the 14 March booking by Friday?", cancellationToken, Sam));
        Keep("action-from-message", "A new action made from a message", await PressAsync(Alice, fromMessage, ActionVerbs.MessageMake, cancellationToken, (ActionVerbs.TitleKey, "Ring the village hall about the 14 March booking"), (ActionVerbs.OwnerKey, Sam.Id), (ActionVerbs.DueKey, "2025-03-14"), (ActionVerbs.StepKey, "1")));

        _clock.Now = _clock.Now.AddDays(9);
        Keep("actions", "The group's open actions, overdue first", await SayAsync(Alice, "actions", cancellationToken));
        await SayAsync(Sam, "done 1", cancellationToken);
        Keep("action-done", "An action after it was marked done", await SayAsync(Sam, "action 1", cancellationToken));
        Keep("my-actions", "Someone's own actions", await SayAsync(Priya, "my actions", cancellationToken));

        await SayAsync(Alice, "agenda add Village hall booking", cancellationToken);
        await SayAsync(Alice, "agenda add Newsletter: who writes what?", cancellationToken);
        Keep("agenda", "The agenda for the next meeting", await SayAsync(Alice, "agenda", cancellationToken));
        Keep("meeting", "A meeting in progress (shared card)", await SayAsync(Alice, "meeting start", cancellationToken));
        await SayAsync(Sam, "decision hold the launch event on Sat 5 April (10am-2pm)!", cancellationToken);
        await SayAsync(Priya, "note _Village News_ deadline is the 20th", cancellationToken);
        _clock.Now = _clock.Now.AddHours(2);
        Keep("minutes", "The minutes, posted when the meeting ends", await SayAsync(Alice, "meeting end", cancellationToken));
        Keep("minutes-list", "Past meetings' minutes", await SayAsync(Alice, "minutes list", cancellationToken));

        Keep("progress", "Progress across the nine steps", await SayAsync(Sam, "progress", cancellationToken));
        Keep("summary", "Everything recorded for a step", await SayAsync(Sam, "summary step 1", cancellationToken));
        Keep("step-complete-ask", "Completing a step: are you sure?", await SayAsync(Alice, "step complete", cancellationToken));
        return _kept;
    }

    public void Dispose() => _services.Dispose();

    private static CardAction? FindAction(Card card, string verb) =>
        card.Actions.FirstOrDefault(a => a.Verb == verb);

    private Card Keep(string name, string caption, IReadOnlyList<Reply> replies)
    {
        var card = replies.LastOrDefault(r => r.Card is not null)?.Card
            ?? throw new InvalidOperationException($"The gallery's \"{name}\" turn showed no card: {string.Join(" / ", replies.Select(r => r.Text))}");
        _kept.Add((name, caption, card));
        return card;
    }

    private Task<IReadOnlyList<Reply>> SayAsync(MemberRef from, string text, CancellationToken cancellationToken, params MemberRef[] mentions) =>
        RunAsync(new Turn { Kind = TurnKind.Message, Conversation = _key, From = from, Text = text, Mentions = mentions }, cancellationToken);

    // "Make an action" on someone's message, as the Teams message action brings it: the text with mentions as names.
    private Task<IReadOnlyList<Reply>> MessageActionAsync(MemberRef from, MemberRef author, string text, CancellationToken cancellationToken, params MemberRef[] mentions) =>
        RunAsync(new Turn
        {
            Kind = TurnKind.Submit,
            Conversation = _key,
            From = from,
            Text = text,
            Mentions = mentions,
            Submission = new Submission(ActionVerbs.MessageForm, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [Submission.GroupKey] = _key.GroupId,
                [ActionVerbs.ByKey] = author.Name,
                [ActionVerbs.LinkKey] = "https://teams.microsoft.com/l/message/19:little-wittering-steering@thread.tacv2/1700000000999",
            }, new Dictionary<string, string>()),
        }, cancellationToken);

    private Task<IReadOnlyList<Reply>> PressAsync(MemberRef from, Card card, string verb, CancellationToken cancellationToken, params (string Id, string Value)[] inputs) =>
        PressAsync(from, FindAction(card, verb) ?? throw new InvalidOperationException($"The card \"{card.Title}\" has no button with the verb {verb}."), cancellationToken, inputs);

    private Task<IReadOnlyList<Reply>> PressAsync(MemberRef from, CardAction action, CancellationToken cancellationToken, params (string Id, string Value)[] inputs) =>
        SubmitAsync(from, action.Verb, action.Data, cancellationToken, inputs);

    private Task<IReadOnlyList<Reply>> SubmitAsync(MemberRef from, string verb, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken, params (string Id, string Value)[] inputs) =>
        RunAsync(new Turn
        {
            Kind = TurnKind.Submit,
            Conversation = _key,
            From = from,
            Submission = new Submission(verb, data, inputs.ToDictionary(i => i.Id, i => i.Value, StringComparer.Ordinal)),
        }, cancellationToken);

    private async Task<IReadOnlyList<Reply>> RunAsync(Turn turn, CancellationToken cancellationToken)
    {
        var outcome = await _processor.ProcessAsync(turn with
        {
            TurnId = "gallery-" + (++_turns).ToString(CultureInfo.InvariantCulture),
            Timestamp = _clock.GetUtcNow(),
        }, cancellationToken).ConfigureAwait(false);
        return outcome.Replies;
    }
}
