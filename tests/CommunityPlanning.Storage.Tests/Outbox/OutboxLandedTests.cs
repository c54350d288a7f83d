using System.Text.RegularExpressions;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Storage.Caching;
using CommunityPlanning.Storage.Outbox;
using CommunityPlanning.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Storage.Tests.Outbox;

/// <summary>
/// A turn whose save lands but whose answer is lost (on Azurite): the turn is saved, and its replies go out at once
/// and once, from the rows actually stored, instead of waiting for their claim to run out.
/// </summary>
public sealed partial class OutboxLandedTests
{
    private static readonly ConversationKey Channel = new("msteams", "tenant-1", "19:landed@thread.tacv2");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 12, 19, 0, 0, TimeSpan.Zero));
    private readonly OutboxOptions _options = new() { InstanceId = "me" };

    [Fact]
    public async Task SaveLandsButItsAnswerIsLost_TheRepliesGoOutAtOnceAndOnce()
    {
        var lose = new LoseAnswerOnce();
        var prefix = Azurite.NewTablePrefix();
        var plans = lose.Client(prefix + "plans");
        await plans.CreateIfNotExistsAsync();
        var pointers = new TableClient(Azurite.ConnectionString, prefix + TableOutboxStore.PointerTableName);
        await pointers.CreateIfNotExistsAsync();
        var mapper = new RecordMapper(RecordTypes.Default);
        var cache = new GroupStateCache(new GroupCacheOptions(), _clock);
        var groups = new TableGroupStore(plans, mapper, NullLogger<TableGroupStore>.Instance, cache);
        var outbox = new TableOutboxStore(plans, pointers, mapper, _clock, _options, cache);
        var channel = new RecordingChannel();
        var delivery = new OutboxDelivery(
            outbox, [channel], [], new SentMessages(groups, _clock, NullLogger<SentMessages>.Instance), _options, _clock, NullLogger<OutboxDelivery>.Instance);
        var processor = new TurnProcessor(
            groups, new TurnRouter([new Echo()], [], [], [], []), new OutboxWriter([], _options), _clock, NullLogger<TurnProcessor>.Instance, outbox);

        var first = await processor.ProcessAsync(Message("say hello"), new TextRenderer());
        Assert.True(await delivery.DeliverSavedAsync(first.Outbox));

        lose.Armed = true;
        var landed = await processor.ProcessAsync(Message("say landed"), new TextRenderer());
        Assert.False(lose.Armed);

        Assert.True(landed.Saved);
        Assert.All(landed.Outbox, e => Assert.NotNull(e.Version));
        Assert.True(await delivery.DeliverSavedAsync(landed.Outbox));
        Assert.Equal(["hello", "landed"], channel.Sent);
        Assert.Empty(await outbox.ListAsync(Channel.GroupId));
    }

    private Turn Message(string text) => new()
    {
        Kind = TurnKind.Message,
        Conversation = Channel,
        From = new MemberRef("29:sam", "Sam"),
        Text = text,
        TurnId = Guid.NewGuid().ToString("N"),
        Timestamp = _clock.GetUtcNow(),
    };

    private sealed partial class Echo : ICommand
    {
        public Regex Pattern => SayPattern();

        public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
        {
            context.Say(match.Groups["what"].Value);
            return ValueTask.CompletedTask;
        }

        [GeneratedRegex("^say (?<what>.+)$", RegexOptions.IgnoreCase)]
        private static partial Regex SayPattern();
    }

    private sealed class TextRenderer : IReplyRenderer
    {
        public string Channel => RecordingChannel.Name;

        public IReadOnlyList<string> Render(PlannedReply reply) => [reply.Reply.Text ?? string.Empty];
    }

    private sealed class RecordingChannel : IOutboundChannel
    {
        public const string Name = "test";

        public List<string> Sent { get; } = [];

        public bool Serves(string channel) => channel == Name;

        public Task<DeliveryResult> DeliverAsync(string message, CancellationToken cancellationToken = default)
        {
            Sent.Add(message);
            return Task.FromResult(DeliveryResult.Done());
        }
    }
}
