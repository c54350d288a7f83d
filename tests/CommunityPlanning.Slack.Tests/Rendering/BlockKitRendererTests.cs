using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Slack.Rendering;
using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Slack.Tests.Rendering;

public sealed class BlockKitRendererTests
{
    private static readonly IReadOnlyDictionary<string, string> Data = new Dictionary<string, string> { ["g"] = "slack-0123456789abcdef0123456789abcdef", ["step"] = "7" };

    [Fact]
    public void RenderReply_TextWithChannelMarkup_ShowsItLiterally()
    {
        var message = Assert.Single(BlockKitRenderer.RenderReply(Reply.Say("Hi <!channel> & <@U999> <https://evil.example|click>")));

        // The section is plain_text, which Slack shows as it is; the notification text is mrkdwn, so escaped.
        Assert.Equal("plain_text", message.Blocks[0]!["text"]!["type"]!.GetValue<string>());
        Assert.Equal("Hi <!channel> & <@U999> <https://evil.example|click>", message.Blocks[0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("Hi &lt;!channel&gt; &amp; &lt;@U999&gt; &lt;https://evil.example|click&gt;", message.Text);
    }

    [Fact]
    public void RenderReply_CardText_IsEscapedEverywhere()
    {
        var card = new Card
        {
            Title = "<!here> title",
            Subtitle = "<!channel> subtitle",
            Blocks =
            [
                new TextBlock("<!everyone> body"),
                new TextBlock("<!channel> heading", TextTone.Heading),
                new TextBlock("<!channel> subtle", TextTone.Subtle),
                new FactsBlock([new Fact("<!channel>", "<@U1>")]),
                new ChecklistBlock("checklist.set", Data, [new ChecklistEntry("a", "<!channel> item", false, "<!here>")]),
            ],
        };

        var blocks = Assert.Single(BlockKitRenderer.RenderReply(Reply.Show(card))).Blocks;

        // mrkdwn is where Slack reads markup, left only for the heading and the facts' bold labels;
        // plain_text (header, body, subtle text, checklist) shows text as it is.
        var mrkdwn = MrkdwnTexts(blocks).ToList();
        Assert.Equal(2, mrkdwn.Count);
        Assert.All(mrkdwn, t => Assert.DoesNotContain("<", t));
        Assert.Contains("<!everyone> body", PlainTexts(blocks));
        Assert.Contains("<!channel> item", PlainTexts(blocks));
    }

    [Fact]
    public void RenderReply_Mentions_BecomeSlackMentions()
    {
        var reply = new Reply
        {
            Text = $"Thanks {MentionText.Token(0)} and {MentionText.Token(1)} <3",
            Mentions = [new MemberRef("U123ABC", "Sam"), new MemberRef("29:teams-id", "Kim <b>")],
        };

        var text = Assert.Single(BlockKitRenderer.RenderReply(reply)).Blocks[0]!["text"]!["text"]!.GetValue<string>();

        Assert.Equal("Thanks <@U123ABC> and @Kim &lt;b&gt; &lt;3", text);
    }

    [Fact]
    public void RenderReply_Step7ChecklistWithLongItems_RespectsLimits()
    {
        var (context, plan) = Context(PlanType.NeighbourhoodPlan, 7);
        foreach (var item in Domain.Steps.StepCatalogue.Get(7).ChecklistFor(true).Take(4))
        {
            context.State.Put(new ChecklistTick(7, item.Id, true, new MemberRef("U1", new string('N', 200)), context.Now));
        }

        var card = ChecklistFeature.Build(context, plan, 7);
        var messages = BlockKitRenderer.RenderReply(Reply.Show(card));

        var blocks = Assert.Single(messages).Blocks;
        BlockKitAssert.ValidMessage(blocks);
        var checkboxes = blocks.Select(b => b!["elements"]?[0]).Where(e => e?["type"]?.GetValue<string>() == "checkboxes").ToList();
        Assert.Equal(2, checkboxes.Count);
        Assert.Equal([10, 5], checkboxes.Select(c => c!["options"]!.AsArray().Count));
        Assert.Equal(4, checkboxes.Sum(c => (c!["initial_options"] as JsonArray)?.Count ?? 0));
    }

    [Fact]
    public void RenderReply_ChecklistOf13LongItems_EachItemWholeInItsOwnSectionWithATickBox()
    {
        var items = Enumerable.Range(1, 13).Select(i => new ChecklistEntry($"item-{i}", new string('x', 300) + $" {i}", i % 2 == 0, i % 3 == 0 ? new string('d', 300) : null)).ToList();
        var card = new Card { Title = new string('T', 400), Subtitle = new string('s', 5000), Blocks = [new TextBlock(new string('w', 10_000)), new ChecklistBlock("checklist.set", Data, items)] };

        var message = Assert.Single(BlockKitRenderer.RenderReply(Reply.Show(card)));

        BlockKitAssert.ValidMessage(message.Blocks);
        var itemBlocks = message.Blocks.Where(b => b!["accessory"] is not null).Select(b => b!.AsObject()).ToList();
        Assert.Equal(13, itemBlocks.Count);
        Assert.Equal(items.Select(i => i.Text), itemBlocks.Select(b => b["text"]!["text"]!.GetValue<string>()));
        Assert.All(itemBlocks, b => Assert.Equal(Data, ChecklistBlockId.TryDecode(b["block_id"]!.GetValue<string>())!));
        Assert.Equal(6, itemBlocks.Count(b => b["accessory"]!["initial_options"] is not null));
    }

    [Fact]
    public void RenderReply_ChecklistOfShortItems_StaysOneCheckboxGroup()
    {
        var items = Enumerable.Range(1, 7).Select(i => new ChecklistEntry($"item-{i}", $"Short item {i}", false)).ToList();
        var card = new Card { Title = "Checklist", Blocks = [new ChecklistBlock("checklist.set", Data, items)] };

        var message = Assert.Single(BlockKitRenderer.RenderReply(Reply.Show(card)));

        var group = Assert.Single(message.Blocks, b => b!["type"]!.GetValue<string>() == "actions");
        Assert.Equal(7, group!["elements"]![0]!["options"]!.AsArray().Count);
    }

    [Fact]
    public void RenderReply_ProgressCard_RespectsLimits()
    {
        var (context, plan) = Context(PlanType.CommunityLedThenNeighbourhood, 3);

        var message = Assert.Single(BlockKitRenderer.RenderReply(Reply.Show(ProgressCommand.Build(context, plan))));

        BlockKitAssert.ValidMessage(message.Blocks);
    }

    [Fact]
    public void RenderReply_ProgressCardWithPicture_ImageBlockWithAltTextAndTheWordsStill()
    {
        var (context, plan) = Context(PlanType.CommunityLedPlan, 2);
        var card = ProgressCommand.Build(context, plan, new FixedPictures(new Uri("https://bot.example.org/progress/ctttttttt.png?expires=1&kid=k1&sig=x")));

        var message = Assert.Single(BlockKitRenderer.RenderReply(Reply.Show(card)));

        var image = Assert.Single(message.Blocks, b => b!["type"]!.GetValue<string>() == "image")!;
        Assert.Equal("https://bot.example.org/progress/ctttttttt.png?expires=1&kid=k1&sig=x", image["image_url"]!.GetValue<string>());
        Assert.StartsWith("Picture of the nine steps in four stages", image["alt_text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Now: step 2.", image["alt_text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(MrkdwnTexts(message.Blocks), t => t.Contains("Step 2: ", StringComparison.Ordinal));
        BlockKitAssert.ValidMessage(message.Blocks);
    }

    [Theory]
    [InlineData("http://bot.example.org/progress/ctttttttt.png")]
    [InlineData("https://localhost/progress/ctttttttt.png")]
    public void RenderReply_PictureSlackCannotFetch_LeftOutAndTheWordsStay(string url)
    {
        var (context, plan) = Context(PlanType.CommunityLedPlan, 2);
        var card = ProgressCommand.Build(context, plan, new FixedPictures(new Uri(url)));

        var message = Assert.Single(BlockKitRenderer.RenderReply(Reply.Show(card)));

        Assert.DoesNotContain(message.Blocks, b => b!["type"]!.GetValue<string>() == "image");
        Assert.Contains(MrkdwnTexts(message.Blocks), t => t.Contains("Step 2: ", StringComparison.Ordinal));
    }

    [Fact]
    public void RenderReply_MoreThan50Blocks_SplitsIntoMessages()
    {
        var card = new Card { Title = "Long", Blocks = Enumerable.Range(0, 120).Select(i => (CardBlock)new TextBlock($"Paragraph {i}")).ToList() };

        var messages = BlockKitRenderer.RenderReply(Reply.Show(card));

        Assert.Equal([50, 50, 21], messages.Select(m => m.Blocks.Count));
        Assert.All(messages, m => BlockKitAssert.ValidMessage(m.Blocks));
    }

    [Fact]
    public void RenderReply_LongText_SplitsIntoSectionsAtSpaces()
    {
        var text = string.Join(' ', Enumerable.Repeat("word&<>", 2000));

        var blocks = Assert.Single(BlockKitRenderer.RenderReply(Reply.Say(text))).Blocks;

        Assert.True(blocks.Count > 1);
        var joined = string.Join(' ', blocks.Select(b => b!["text"]!["text"]!.GetValue<string>()));
        Assert.Equal(text, joined);
        Assert.All(blocks, b => Assert.Equal("plain_text", b!["text"]!["type"]!.GetValue<string>()));
    }

    [Fact]
    public void RenderReply_Buttons_CarryVerbAndDataWithStyles()
    {
        var card = new Card
        {
            Title = "Buttons",
            Actions =
            [
                new CardAction(new string('B', 100), "x.go", Data) { Style = ActionStyle.Positive },
                new CardAction("Delete", "x.delete", Data) { Style = ActionStyle.Destructive },
                new CardAction("Plain", "x.plain", Data),
            ],
        };

        var blocks = Assert.Single(BlockKitRenderer.RenderReply(Reply.Show(card))).Blocks;

        BlockKitAssert.ValidMessage(blocks);
        var buttons = blocks.Last()!["elements"]!.AsArray().Select(b => b!.AsObject()).ToList();
        Assert.Equal(["primary", "danger", null], buttons.Select(b => b["style"]?.GetValue<string>()));
        var value = ActionValue.TryDecode(buttons[0]["value"]!.GetValue<string>())!;
        Assert.Equal("x.go", value.Verb);
        Assert.Equal(Data, value.Data);
        Assert.Equal(75, buttons[0]["text"]!["text"]!.GetValue<string>().Length);
    }

    [Fact]
    public void RenderReply_ButtonValueOver2000_FailsLoudly()
    {
        var data = new Dictionary<string, string> { ["g"] = new string('g', 2100) };
        var card = new Card { Title = "Too much", Actions = [new CardAction("Go", "x.go", data)] };

        Assert.Throws<InvalidOperationException>(() => BlockKitRenderer.RenderReply(Reply.Show(card)));
    }

    [Fact]
    public void RenderReply_FactNamingASlackPerson_ShowsAMentionNotThePlainName()
    {
        var card = new Card
        {
            Title = "Action 1",
            Blocks = [new FactsBlock([new Fact("Owner", "Sam Jones") { Person = new MemberRef("U2ABC", "Sam Jones") }, new Fact("Helper", "Ann <b>") { Person = new MemberRef("29:ann", "Ann <b>") }])],
        };

        var blocks = Assert.Single(BlockKitRenderer.RenderReply(Reply.Show(card))).Blocks;

        var fields = blocks.Single(b => b!["fields"] is not null)!["fields"]!.AsArray().Select(f => f!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(["*Owner*\n<@U2ABC>", "*Helper*\nAnn &lt;b&gt;"], fields);
    }

    [Theory]
    [InlineData("Start your plan", "Start your plan")]
    [InlineData("Step 2 · How the group will work together", "Step 2 · How the group will work together|Form")]
    [InlineData("Step 2 · How the group works", "How the group works")]
    [InlineData("Consultation events and surveys: add", "Form")]
    [InlineData("Local green spaces: edit", "Local green spaces: edit")]
    public void ModalTitle_LongTitles_UseAWholePartNeverACutOne(string title, string expected)
    {
        var shown = BlockKitRenderer.ModalTitle(title);

        Assert.InRange(shown.Length, 1, BlockKitLimits.ModalTitle);
        Assert.DoesNotContain("…", shown, StringComparison.Ordinal);
        Assert.Contains(shown, expected.Split('|'));
    }

    [Fact]
    public void RenderModal_FormWith20Inputs_RespectsModalLimits()
    {
        var kinds = Enum.GetValues<FieldType>();
        var inputs = Enumerable.Range(0, 20).Select(i => (CardBlock)new InputBlock(new InputField($"field{i}", new string('L', 2500), kinds[i % kinds.Length])
        {
            Required = i % 2 == 0,
            Help = new string('h', 2500),
            Placeholder = new string('p', 300),
            MaxLength = 5000,
            Min = 0,
            Max = 100,
            Value = kinds[i % kinds.Length] switch
            {
                FieldType.Date => "2025-03-14",
                FieldType.Number => "12.5",
                FieldType.Toggle => "true",
                FieldType.Choice => "b",
                FieldType.MultiChoice => "a,c",
                _ => new string('v', 4000),
            },
            Choices = [new InputChoice("a", new string('A', 100)), new InputChoice("b", "B"), new InputChoice("c", "C")],
            Error = i == 3 ? "That date is in the past." : null,
        })).ToList();
        var card = new Card
        {
            Title = "Consultation event details and outcomes",
            Blocks = [new TextBlock("Tell me about the event."), .. inputs],
            Actions = [new CardAction("Save the consultation event", "form.save", Data) { SubmitsInputs = true }, new CardAction("Cancel", "form.cancel", Data)],
        };

        var view = BlockKitRenderer.RenderModal(card, "C1", "1700000000.000001");

        BlockKitAssert.ValidModal(view);
        Assert.Equal("Form", view["title"]!["text"]!.GetValue<string>());
        Assert.Equal("Save the consultation e…", view["submit"]!["text"]!.GetValue<string>());
        Assert.Equal(20, view["blocks"]!.AsArray().Count(b => b!["type"]!.GetValue<string>() == "input"));
        var metadata = ModalMetadata.TryDecode(view["private_metadata"]!.GetValue<string>())!;
        Assert.Equal(("C1", "1700000000.000001", "form.save"), (metadata.Channel, metadata.ReplaceTs, metadata.Verb));
        Assert.Equal(Data, metadata.Data);
        var elements = view["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "input").Select(b => b!["element"]!["type"]!.GetValue<string>()).Distinct();
        Assert.Equal(["plain_text_input", "number_input", "datepicker", "static_select", "multi_static_select", "checkboxes"], elements);
    }

    [Fact]
    public void FormErrors_ReturnsErrorsByInputId()
    {
        var card = new Card
        {
            Title = "Form",
            Blocks = [new InputBlock(new InputField("name", "Name", FieldType.Text) { Error = "Too long." }), new InputBlock(new InputField("type", "Type", FieldType.Choice))],
        };

        var errors = BlockKitRenderer.FormErrors(card);

        Assert.Equal(new Dictionary<string, string> { ["name"] = "Too long." }, errors);
    }

    [Fact]
    public void RenderFormLink_LeavesInputsOutAndAddsTheOpenButton()
    {
        var card = new Card
        {
            Title = "Start your plan",
            Blocks = [new TextBlock("Tell me two things."), new InputBlock(new InputField("name", "Name", FieldType.Text))],
            Actions = [new CardAction("Start", "plan.create", Data) { SubmitsInputs = true }],
        };
        var open = new ActionValue("slack.form.open", new Dictionary<string, string> { ["g"] = "x", ["t"] = "start" });

        var blocks = Assert.Single(BlockKitRenderer.RenderFormLink(card, open)).Blocks;

        BlockKitAssert.ValidMessage(blocks);
        var button = Assert.Single(blocks.Where(b => b!["type"]!.GetValue<string>() == "actions").SelectMany(b => b!["elements"]!.AsArray()));
        Assert.Equal(BlockKitRenderer.FormButtonText, button!["text"]!["text"]!.GetValue<string>());
        Assert.Equal(open, ActionValue.TryDecode(button["value"]!.GetValue<string>()), new ActionValueComparer());
    }

    internal static IEnumerable<string> MrkdwnTexts(JsonNode? node) => TextsOf(node, "mrkdwn");

    internal static IEnumerable<string> PlainTexts(JsonNode? node) => TextsOf(node, "plain_text");

    private static IEnumerable<string> TextsOf(JsonNode? node, string type) => node switch
    {
        JsonObject o when o["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && o["type"]!.GetValue<string>() == type && o["text"] is JsonValue text => [text.GetValue<string>()],
        JsonObject o => o.SelectMany(p => TextsOf(p.Value, type)),
        JsonArray a => a.SelectMany(n => TextsOf(n, type)),
        _ => [],
    };

    private static (TurnContext Context, PlanRecord Plan) Context(PlanType type, int step)
    {
        var who = new MemberRef("U1", "Alex");
        var turn = new Turn { Kind = TurnKind.Message, Conversation = new ConversationKey("slack", "T1", "C1"), From = who };
        var state = new GroupState(turn.Conversation.GroupId);
        var plan = new PlanRecord(new string('P', 80), type, step, who, DateTimeOffset.UtcNow);
        state.Put(plan);
        return (new TurnContext(turn, state, DateTimeOffset.UtcNow), plan);
    }

    private sealed class FixedPictures(Uri url) : IProgressPictures
    {
        public Uri? For(ProgressMarks marks, DateTimeOffset now) => url;
    }

    private sealed class ActionValueComparer : IEqualityComparer<ActionValue?>
    {
        public bool Equals(ActionValue? x, ActionValue? y) => x?.Verb == y?.Verb && x!.Data.OrderBy(p => p.Key).SequenceEqual(y!.Data.OrderBy(p => p.Key));

        public int GetHashCode(ActionValue? obj) => 0;
    }
}
