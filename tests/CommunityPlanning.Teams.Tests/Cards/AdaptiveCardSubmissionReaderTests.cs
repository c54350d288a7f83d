using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Teams.Cards;

namespace CommunityPlanning.Teams.Tests.Cards;

public sealed class AdaptiveCardSubmissionReaderTests
{
    private readonly AdaptiveCardSubmissionReader _reader = new();

    [Fact]
    public void TryRead_InvokeValue_ReadsVerbDataAndInputs()
    {
        var value = Parse("""
            {
              "action": {
                "type": "Action.Execute",
                "id": "abc",
                "verb": "plan.create",
                "data": { "cpVerb": "plan.create", "cpData": { "g": "grp-1" }, "communityName": "Little Wittering", "count": 12.50, "agree": true }
              },
              "trigger": "manual"
            }
            """);

        Assert.True(_reader.TryRead(value, out var submission));
        Assert.Equal("plan.create", submission.Verb);
        Assert.Equal("grp-1", submission.Get("g"));
        Assert.Single(submission.Data);
        Assert.Equal("Little Wittering", submission.Inputs["communityName"]);
        Assert.Equal("12.50", submission.Inputs["count"]);
        Assert.Equal("true", submission.Inputs["agree"]);
        Assert.Equal(3, submission.Inputs.Count);
        Assert.False(submission.IsAutomatic);
    }

    [Fact]
    public void TryRead_AutomaticTrigger_IsAutomatic()
    {
        var value = Parse("""{ "action": { "type": "Action.Execute", "verb": "checklist.show", "data": { "cpVerb": "checklist.show", "cpData": { "g": "x" } } }, "trigger": "automatic" }""");

        Assert.True(_reader.TryRead(value, out var submission));
        Assert.True(submission.IsAutomatic);
    }

    [Fact]
    public void TryRead_InvokeWithVerbOnlyInData_UsesDataVerb()
    {
        var value = Parse("""{ "action": { "type": "Action.Execute", "data": { "cpVerb": "progress.show", "cpData": {} } } }""");

        Assert.True(_reader.TryRead(value, out var submission));
        Assert.Equal("progress.show", submission.Verb);
        Assert.Empty(submission.Data);
    }

    [Fact]
    public void TryRead_SubmitMessageValue_ReadsVerbDataAndInputs()
    {
        var value = Parse("""{ "cpVerb": "checklist.set", "cpData": { "g": "grp-1", "step": "4", "item": "survey", "done": "true" }, "notes": "" }""");

        Assert.True(_reader.TryRead(value, out var submission));
        Assert.Equal("checklist.set", submission.Verb);
        Assert.Equal("survey", submission.Get("item"));
        Assert.Equal(4, submission.Data.Count);
        Assert.Equal(string.Empty, submission.Inputs["notes"]);
        Assert.False(submission.IsAutomatic);
    }

    [Fact]
    public void TryRead_SubmitWithInputNamedAction_TreatsItAsAnInput()
    {
        var value = Parse("""{ "cpVerb": "x.y", "cpData": {}, "action": "book the hall" }""");

        Assert.True(_reader.TryRead(value, out var submission));
        Assert.Equal("book the hall", submission.Inputs["action"]);
    }

    [Fact]
    public void TryRead_NullInput_IsLeftOut()
    {
        var value = Parse("""{ "cpVerb": "x.y", "cpData": {}, "count": null }""");

        Assert.True(_reader.TryRead(value, out var submission));
        Assert.Empty(submission.Inputs);
    }

    [Theory]
    [InlineData("""[]""")]
    [InlineData("\"text\"")]
    [InlineData("""{}""")]
    [InlineData("""{ "cpData": { "g": "x" } }""")]
    [InlineData("""{ "cpVerb": "", "cpData": {} }""")]
    [InlineData("""{ "cpVerb": "   ", "cpData": {} }""")]
    [InlineData("""{ "cpVerb": 5, "cpData": {} }""")]
    [InlineData("""{ "cpVerb": "x.y", "cpData": "g=x" }""")]
    [InlineData("""{ "cpVerb": "x.y", "cpData": ["x"] }""")]
    [InlineData("""{ "cpVerb": "x.y", "cpData": { "g": { "nested": 1 } } }""")]
    [InlineData("""{ "cpVerb": "x.y", "cpData": {}, "input": { "nested": 1 } }""")]
    [InlineData("""{ "cpVerb": "x.y", "cpData": {}, "input": [1, 2] }""")]
    [InlineData("""{ "cpVerb": "x.y", "cpData": {}, "a": "1", "a": "2" }""")]
    [InlineData("""{ "cpVerb": "x.y", "cpVerb": "x.z", "cpData": {} }""")]
    [InlineData("""{ "cpVerb": "x.y", "cpData": {}, "": "empty key" }""")]
    [InlineData("""{ "action": { "type": "Action.Submit", "verb": "x.y", "data": { "cpVerb": "x.y", "cpData": {} } } }""")]
    [InlineData("""{ "action": { "type": "Action.Execute", "verb": 7, "data": { "cpData": {} } } }""")]
    [InlineData("""{ "action": { "type": "Action.Execute", "verb": "x.y" } }""")]
    [InlineData("""{ "action": { "type": "Action.Execute", "verb": "x.y", "data": "x" } }""")]
    [InlineData("""{ "action": { "type": "Action.Execute", "data": { "cpData": {} } } }""")]
    [InlineData("""{ "action": { "type": "Action.Execute", "verb": "x.y", "data": { "cpVerb": "x.z", "cpData": {} } } }""")]
    [InlineData("""{ "action": { "type": "Action.Execute", "verb": "x.y", "data": { "cpData": {} } }, "trigger": 1 }""")]
    public void TryRead_Malformed_ReturnsFalse(string json)
    {
        Assert.False(_reader.TryRead(Parse(json), out var submission));
        Assert.Null(submission);
    }

    [Fact]
    public void TryRead_VerbOf100Characters_IsAccepted_101IsRefused()
    {
        Assert.True(_reader.TryRead(Submit(new string('v', 100)), out _));
        Assert.False(_reader.TryRead(Submit(new string('v', 101)), out _));
    }

    [Fact]
    public void TryRead_100Inputs_IsAccepted_101IsRefused()
    {
        Assert.True(_reader.TryRead(Submit("x.y", inputs: 100), out _));
        Assert.False(_reader.TryRead(Submit("x.y", inputs: 101), out _));
    }

    [Fact]
    public void TryRead_TooMuchData_IsRefused()
    {
        var data = new JsonObject();
        for (var i = 0; i <= AdaptiveCardSubmissionReader.MaxEntries; i++)
        {
            data["k" + i] = "v";
        }

        Assert.False(_reader.TryRead(Parse(new JsonObject { ["cpVerb"] = "x.y", ["cpData"] = data }.ToJsonString()), out _));
    }

    [Fact]
    public void TryRead_StringOf10000Characters_IsAccepted_10001IsRefused()
    {
        Assert.True(_reader.TryRead(Submit("x.y", inputValue: new string('a', 10_000)), out _));
        Assert.False(_reader.TryRead(Submit("x.y", inputValue: new string('a', 10_001)), out _));
        Assert.False(_reader.TryRead(Parse(new JsonObject { ["cpVerb"] = "x.y", ["cpData"] = new JsonObject { ["g"] = new string('a', 10_001) } }.ToJsonString()), out _));
        Assert.False(_reader.TryRead(Parse(new JsonObject { ["cpVerb"] = "x.y", ["cpData"] = new JsonObject(), [new string('k', 10_001)] = "v" }.ToJsonString()), out _));
    }

    [Fact]
    public void TryRead_RenderedButtonDataWithInputs_RoundTrips()
    {
        var renderer = new AdaptiveCardRenderer();
        var rendered = renderer.Render(SampleCards.EveryInput());
        var save = rendered["actions"]![0]!.AsObject();

        // What Teams sends for Action.Execute: the action's data with the input values merged in.
        var executeData = save["data"]!.DeepClone().AsObject();
        executeData["name"] = "Spring drop-in";
        executeData["attendees"] = "42";
        executeData["groups"] = "families,older";
        executeData["published"] = "true";
        var invoke = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = save["verb"]!.DeepClone(), ["data"] = executeData },
            ["trigger"] = "manual",
        };

        // What the Action.Submit fallback sends as the message's value: the same, without the envelope.
        var submitValue = save["fallback"]!["data"]!.DeepClone().AsObject();
        foreach (var (key, value) in executeData)
        {
            submitValue[key] = value!.DeepClone();
        }

        foreach (var value in new[] { invoke, submitValue })
        {
            Assert.True(_reader.TryRead(Parse(value.ToJsonString()), out var submission));
            Assert.Equal("form.save", submission.Verb);
            Assert.Equal(SampleCards.Data(("step", "4"), ("form", "event")), submission.Data);
            Assert.Equal(
                new Dictionary<string, string> { ["name"] = "Spring drop-in", ["attendees"] = "42", ["groups"] = "families,older", ["published"] = "true" },
                submission.Inputs);
        }
    }

    [Fact]
    public void TryRead_RenderedChecklistTick_RoundTrips()
    {
        var rendered = new AdaptiveCardRenderer().Render(SampleCards.Checklist());
        var tick = rendered["body"]!.AsArray().First(n => (string?)n!["type"] == "ColumnSet")!["selectAction"]!;
        var invoke = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = tick["verb"]!.DeepClone(), ["data"] = tick["data"]!.DeepClone() },
            ["trigger"] = "manual",
        };

        Assert.True(_reader.TryRead(Parse(invoke.ToJsonString()), out var submission));
        Assert.Equal("checklist.set", submission.Verb);
        Assert.Equal("survey", submission.Get(ChecklistBlock.ItemKey));
        Assert.Equal("false", submission.Get(ChecklistBlock.DoneKey));
        Assert.Equal("4", submission.Get("step"));
        Assert.Equal(SampleCards.Group, submission.Get("g"));
        Assert.Empty(submission.Inputs);
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static JsonElement Submit(string verb, int inputs = 0, string? inputValue = null)
    {
        var value = new JsonObject { ["cpVerb"] = verb, ["cpData"] = new JsonObject { ["g"] = "x" } };
        for (var i = 0; i < inputs; i++)
        {
            value["input" + i] = "v";
        }

        if (inputValue is not null)
        {
            value["text"] = inputValue;
        }

        return Parse(value.ToJsonString());
    }
}
