using CommunityPlanning.Testing;
using System.Globalization;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Conversations.Tests.Support;

/// <summary>
/// Drives the real pipeline (AddConversations, TurnProcessor, TurnRouter) for one group, like a script:
/// <c>await chat.Send(Ann, "step 4")).AssertReply("Step 4")</c>.
/// </summary>
public sealed class ScriptedConversation : IDisposable
{
    public static readonly MemberRef Ann = new("29:ann-id", "Ann");
    public static readonly MemberRef Bob = new("29:bob-id", "Bob");
    public static readonly MemberRef Cat = new("29:cat-id", "Cat");

    private readonly ServiceProvider _services;
    private readonly TurnProcessor _processor;
    private readonly string _turnPrefix = "turn-" + Guid.NewGuid().ToString("N")[..8] + "-";
    private int _turns;

    public ScriptedConversation(IGroupStore? store = null, string conversation = "19:steering-group@thread.tacv2", DateTimeOffset? start = null)
    {
        Store = store ?? new InMemoryGroupStore();
        Clock = new FakeTimeProvider(start ?? new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero));
        Key = new ConversationKey("msteams", "tenant-1", conversation);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IGroupStore>(Store);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddConversations();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _processor = _services.GetRequiredService<TurnProcessor>();
    }

    public IGroupStore Store { get; }

    /// <summary>The store, for tests that use the in-memory store's hooks and counters.</summary>
    public InMemoryGroupStore Memory => Store as InMemoryGroupStore
        ?? throw new InvalidOperationException("This conversation does not run on the in-memory store.");

    public FakeTimeProvider Clock { get; }

    public ConversationKey Key { get; }

    public string GroupId => Key.GroupId;

    /// <summary>The most recent card any reply showed.</summary>
    public Card? LastCard { get; private set; }

    public Task<Replies> Send(MemberRef from, string text, params MemberRef[] mentions) =>
        Run(new Turn
        {
            Kind = TurnKind.Message,
            Conversation = Key,
            From = from,
            Text = text,
            Mentions = mentions,
        });

    /// <summary>A plain channel message that does not mention the bot (the adapter has let it through).</summary>
    public Task<Replies> SendPlain(MemberRef from, string text) =>
        Run(new Turn
        {
            Kind = TurnKind.Message,
            Conversation = Key,
            From = from,
            Text = text,
            Addressed = false,
        });

    /// <summary>Presses a button on a card, with values typed into the card's inputs.</summary>
    public Task<Replies> Press(MemberRef from, CardAction action, IReadOnlyDictionary<string, string>? inputs = null) =>
        Submit(from, action.Verb, action.Data, inputs);

    /// <summary>
    /// Presses the button with this title on the last card. A step's form is pressed as a person would:
    /// the step card's "Forms" first, then the form's button.
    /// </summary>
    public async Task<Replies> Press(MemberRef from, string buttonTitle, IReadOnlyDictionary<string, string>? inputs = null)
    {
        Assert.NotNull(LastCard);
        if (LastCard.Actions.All(a => a.Title != buttonTitle) && LastCard.Actions.FirstOrDefault(a => a.Verb == global::CommunityPlanning.Conversations.Journey.JourneyVerbs.ShowForms) is { } forms)
        {
            await Press(from, forms);
        }

        return await Press(from, Replies.Button(LastCard, buttonTitle), inputs);
    }

    public Task<Replies> Submit(MemberRef from, string verb, IReadOnlyDictionary<string, string> data, IReadOnlyDictionary<string, string>? inputs = null) =>
        Run(new Turn
        {
            Kind = TurnKind.Submit,
            Conversation = Key,
            From = from,
            Submission = new Submission(verb, data, inputs ?? new Dictionary<string, string>()),
        });

    public Task<Replies> Run(Turn turn) => RunAsync(turn with
    {
        TurnId = turn.TurnId ?? _turnPrefix + (++_turns).ToString(CultureInfo.InvariantCulture),
        Timestamp = Clock.GetUtcNow(),
    });

    /// <summary>The group's state as stored now.</summary>
    public Task<GroupState> Stored() => Store.LoadAsync(GroupId);

    public void Dispose() => _services.Dispose();

    private async Task<Replies> RunAsync(Turn turn)
    {
        var outcome = await _processor.ProcessAsync(turn);
        var replies = new Replies(outcome.Replies);
        if (outcome.Replies.LastOrDefault(r => r.Card is not null)?.Card is { } card)
        {
            LastCard = card;
        }

        return replies;
    }
}

/// <summary>Input values by id, for pressing form buttons.</summary>
public static class Inputs
{
    public static IReadOnlyDictionary<string, string> Of(params (string Id, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Id, p => p.Value, StringComparer.Ordinal);
}
