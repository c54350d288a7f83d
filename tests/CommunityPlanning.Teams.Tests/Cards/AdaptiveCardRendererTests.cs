using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Teams.Cards;
using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Teams.Tests.Cards;

public sealed class AdaptiveCardRendererTests
{
    private readonly AdaptiveCardRenderer _renderer = new();

    public static TheoryData<string> CardNames()
    {
        var names = new TheoryData<string>();
        foreach (var (name, _) in SampleCards.All())
        {
            names.Add(name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Render_SampleCard_MatchesGoldenFile(string name)
    {
        var card = SampleCards.All().Single(c => c.Name == name).Card;

        GoldenFile.AssertMatches(name, _renderer.Render(card));
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Render_SampleCard_IsVersion15WithSchema(string name)
    {
        var rendered = _renderer.Render(SampleCards.All().Single(c => c.Name == name).Card);

        Assert.Equal("AdaptiveCard", (string?)rendered["type"]);
        Assert.Equal("1.5", (string?)rendered["version"]);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)rendered["$schema"]);
        Assert.NotEmpty(rendered["body"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Render_SampleCard_EveryExecuteHasSubmitFallbackWithSameData(string name)
    {
        var rendered = _renderer.Render(SampleCards.All().Single(c => c.Name == name).Card);

        var executes = Descendants(rendered).Where(o => (string?)o["type"] == "Action.Execute").ToList();
        Assert.NotEmpty(executes);
        foreach (var execute in executes)
        {
            var fallback = execute["fallback"]!.AsObject();
            Assert.Equal("Action.Submit", (string?)fallback["type"]);
            Assert.Equal((string?)execute["title"], (string?)fallback["title"]);
            Assert.Equal((string?)execute["associatedInputs"], (string?)fallback["associatedInputs"]);
            Assert.True(JsonNode.DeepEquals(execute["data"], fallback["data"]));
            Assert.Equal((string?)execute["verb"], (string?)execute["data"]![AdaptiveCardData.VerbKey]);
            Assert.IsType<JsonObject>(execute["data"]![AdaptiveCardData.DataKey]);
        }

        // No bare Action.Submit: each one is some Action.Execute's fallback.
        Assert.All(
            Descendants(rendered).Where(o => (string?)o["type"] == "Action.Submit"),
            submit => Assert.Equal("Action.Execute", (string?)submit.Parent!["type"]));
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Render_SampleCard_EveryInputHasIdAndLabel(string name)
    {
        var rendered = _renderer.Render(SampleCards.All().Single(c => c.Name == name).Card);

        foreach (var input in Descendants(rendered).Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true))
        {
            Assert.False(string.IsNullOrEmpty((string?)input["id"]));
            var label = (string?)input["type"] == "Input.Toggle" ? (string?)input["title"] : (string?)input["label"];
            Assert.False(string.IsNullOrEmpty(label));
            Assert.NotNull(input["isRequired"]);
            Assert.False(string.IsNullOrEmpty((string?)input["errorMessage"]));
        }
    }

    [Fact]
    public void Render_ImageBlock_ImageWithAltTextAcrossTheCard_TextKept()
    {
        var card = new Card
        {
            Title = "Little Wittering: progress",
            Blocks =
            [
                new ImageBlock(new Uri("https://bot.example.org/progress/ddctttttt.png?expires=1&kid=k1&sig=x"), "Picture of the nine steps. Done: steps 1 and 2. Now: step 3."),
                new FactsBlock([new Fact("Step 1: Getting started", "Complete")]),
            ],
        };

        var body = _renderer.Render(card)["body"]!.AsArray();

        var image = Assert.Single(body, e => (string?)e!["type"] == "Image")!;
        Assert.Equal("https://bot.example.org/progress/ddctttttt.png?expires=1&kid=k1&sig=x", (string?)image["url"]);
        Assert.Equal("Picture of the nine steps. Done: steps 1 and 2. Now: step 3.", (string?)image["altText"]);
        Assert.Equal("Stretch", (string?)image["size"]);
        Assert.Contains(body, e => (string?)e!["type"] == "FactSet");
    }

    [Fact]
    public void Render_FormWithSaveButton_SubmitsInputsOnlyFromSaveButton()
    {
        var card = SampleCards.EveryInput() with
        {
            Actions = [.. SampleCards.EveryInput().Actions, new CardAction("Cancel", "form.cancel", SampleCards.Data())],
        };

        var actions = _renderer.Render(card)["actions"]!.AsArray();

        Assert.Equal("auto", (string?)actions[0]!["associatedInputs"]);
        Assert.Equal("none", (string?)actions[1]!["associatedInputs"]);
    }

    [Fact]
    public void Render_ChecklistItem_AsksForTheOppositeState()
    {
        var rendered = _renderer.Render(SampleCards.Checklist());

        var rows = rendered["body"]!.AsArray().Where(n => (string?)n!["type"] == "ColumnSet").ToList();
        Assert.Equal(3, rows.Count);
        var ticked = rows[0]!["selectAction"]!;
        Assert.Equal("checklist.set", (string?)ticked["verb"]);
        Assert.Equal("Untick", (string?)ticked["title"]);
        Assert.Equal("survey", (string?)ticked["data"]!["cpData"]!["item"]);
        Assert.Equal("false", (string?)ticked["data"]!["cpData"]!["done"]);
        Assert.Equal("4", (string?)ticked["data"]!["cpData"]!["step"]);
        Assert.Equal(SampleCards.Group, (string?)ticked["data"]!["cpData"]!["g"]);
        var open = rows[1]!["selectAction"]!;
        Assert.Equal("Tick", (string?)open["title"]);
        Assert.Equal("true", (string?)open["data"]!["cpData"]!["done"]);
        Assert.Equal("none", (string?)open["associatedInputs"]);
    }

    [Fact]
    public void Render_InputWithError_ShowsErrorRightUnderTheInput()
    {
        var body = _renderer.Render(SampleCards.StartFormWithError())["body"]!.AsArray();

        var index = body.Select((n, i) => (n, i)).Single(x => (string?)x.n!["id"] == "communityName").i;
        var error = body[index + 1]!;
        Assert.Equal("TextBlock", (string?)error["type"]);
        Assert.Equal("Attention", (string?)error["color"]);
        Assert.Equal("Please tell me the name of your village, parish or town.", (string?)error["text"]);
    }

    [Fact]
    public void Render_UserTextWithMarkdown_GoesInTextRunsWithNoBackslash()
    {
        var card = new Card
        {
            Title = "*Bold* plan",
            Subtitle = "[link](http://x)",
            Blocks = [new TextBlock("# not a heading"), new FactsBlock([new Fact("_a_", "{{DATE(2025-03-14T00:00:00Z)}}")]), new TextBlock("Well done, Sam Smith! (Parish Plan)")],
        };

        var body = _renderer.Render(card)["body"]!.AsArray();

        static string Run(JsonNode? block)
        {
            Assert.Equal("RichTextBlock", (string?)block!["type"]);
            return (string)block["inlines"]![0]!["text"]!;
        }

        Assert.Equal("*Bold* plan", Run(body[0]));
        Assert.Equal("[link](http://x)", Run(body[1]));
        Assert.Equal("# not a heading", Run(body[2]));
        var row = body[3]!["items"]![0]!["columns"]!;
        Assert.Equal("_a_", Run(row[0]!["items"]![0]));
        Assert.DoesNotContain("{{", Run(row[1]!["items"]![0]), StringComparison.Ordinal);
        Assert.Equal("TextBlock", (string?)body[4]!["type"]);
        Assert.Equal("Well done, Sam Smith! (Parish Plan)", (string?)body[4]!["text"]);
    }

    [Fact]
    public void Render_InputLabelsAndButtonTitles_AreNotEscaped()
    {
        // Labels, choices and button titles are plain text to every renderer: escaping would show backslashes.
        var card = new Card
        {
            Title = "t",
            Blocks = [new InputBlock(new InputField("name", "Name (as *shown*)", FieldType.Text))],
            Actions = [new CardAction("Save (draft)", "form.save", SampleCards.Data()) { SubmitsInputs = true }],
        };

        var rendered = _renderer.Render(card);

        Assert.Equal("Name (as *shown*)", (string?)rendered["body"]![1]!["label"]);
        Assert.Equal("Save (draft)", (string?)rendered["actions"]![0]!["title"]);
    }

    [Theory]
    [InlineData("cpVerb")]
    [InlineData("cpData")]
    [InlineData("CPanything")]
    public void Render_InputIdStartingWithCp_Throws(string id)
    {
        var card = new Card { Title = "t", Blocks = [new InputBlock(new InputField(id, "Label", FieldType.Text))] };

        var error = Assert.Throws<ArgumentException>(() => _renderer.Render(card));
        Assert.Contains(id, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DuplicateInputId_Throws()
    {
        var card = new Card
        {
            Title = "t",
            Blocks = [new InputBlock(new InputField("a", "A", FieldType.Text)), new InputBlock(new InputField("a", "B", FieldType.Number))],
        };

        Assert.Throws<ArgumentException>(() => _renderer.Render(card));
    }

    [Fact]
    public void Render_NumberAndDateWithUnusableValues_LeavesValuesOut()
    {
        var card = new Card
        {
            Title = "t",
            Blocks =
            [
                new InputBlock(new InputField("n", "N", FieldType.Number) { Value = "lots" }),
                new InputBlock(new InputField("d", "D", FieldType.Date) { Value = "next Friday" }),
            ],
        };

        var body = _renderer.Render(card)["body"]!.AsArray();

        Assert.Null(body[1]!["value"]);
        Assert.Null(body[2]!["value"]);
    }

    [Fact]
    public void Render_NoActions_LeavesActionsOut()
    {
        var rendered = _renderer.Render(new Card { Title = "Just text", Blocks = [new TextBlock("Hello")] });

        Assert.Null(rendered["actions"]);
    }

    [Fact]
    public void Render_SameCardTwice_GivesEqualJson()
    {
        Assert.True(JsonNode.DeepEquals(_renderer.Render(SampleCards.Checklist()), _renderer.Render(SampleCards.Checklist())));
    }

    [Fact]
    public void MeasureBytes_SampleCards_AreWellUnderTheLimit()
    {
        foreach (var (_, card) in SampleCards.All())
        {
            var bytes = AdaptiveCardRenderer.MeasureBytes(_renderer.Render(card));
            Assert.InRange(bytes, 100, AdaptiveCardRenderer.RecommendedMaxBytes);
        }
    }

    [Fact]
    public void MeasureBytes_LongChecklist_ReportsItsSize()
    {
        var items = Enumerable.Range(1, 60).Select(i => new ChecklistEntry($"item{i}", new string('x', 200), i % 2 == 0, "Ticked by someone")).ToList();
        var card = new Card { Title = "Long", Blocks = [new ChecklistBlock("checklist.set", SampleCards.Data(), items)] };

        var rendered = _renderer.Render(card);

        Assert.Equal(rendered.ToJsonString().Length, AdaptiveCardRenderer.MeasureBytes(rendered));
        Assert.True(AdaptiveCardRenderer.MeasureBytes(rendered) > AdaptiveCardRenderer.RecommendedMaxBytes);
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        foreach (var d in Descendants(child))
                        {
                            yield return d;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        foreach (var d in Descendants(child))
                        {
                            yield return d;
                        }
                    }
                }

                break;
        }
    }
}
