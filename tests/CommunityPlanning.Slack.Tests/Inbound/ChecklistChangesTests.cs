using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Slack.Inbound;
using CommunityPlanning.Slack.Rendering;

namespace CommunityPlanning.Slack.Tests.Inbound;

public sealed class ChecklistChangesTests
{
    private static readonly Dictionary<string, string> Data = new() { ["g"] = "slack-1", ["step"] = "2" };

    [Fact]
    public void Read_TickAndUntick_OneSubmissionPerChangedItem()
    {
        var card = new Card
        {
            Title = "Step 2",
            Blocks = [new ChecklistBlock("checklist.set", Data, [new("a", "A", true), new("b", "B", false), new("c", "C", true)])],
        };
        var blocks = Assert.Single(BlockKitRenderer.RenderReply(Reply.Show(card))).Blocks;
        var block = blocks.Single(b => b!["type"]!.GetValue<string>() == "actions")!.AsObject();
        var options = block["elements"]![0]!["options"]!.AsArray();
        var action = new JsonObject
        {
            ["type"] = "checkboxes",
            ["block_id"] = block["block_id"]!.GetValue<string>(),
            ["action_id"] = "checklist.set",
            ["selected_options"] = new JsonArray(options[0]!.DeepClone(), options[1]!.DeepClone()),
        };

        var changes = ChecklistChanges.Read(action, new JsonObject { ["blocks"] = blocks.DeepClone() });

        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal("checklist.set", c.Verb));
        Assert.Equal([("b", "true"), ("c", "false")], changes.Select(c => (c.Get("item")!, c.Get("done")!)));
        Assert.All(changes, c => Assert.Equal("slack-1", c.Get("g")));
        Assert.All(changes, c => Assert.Equal("2", c.Get("step")));
    }

    [Fact]
    public void Read_WithoutTheMessage_ChangesNothing()
    {
        var action = new JsonObject { ["type"] = "checkboxes", ["block_id"] = ChecklistBlockId.Encode(Data, 0), ["action_id"] = "checklist.set", ["selected_options"] = new JsonArray() };

        Assert.Empty(ChecklistChanges.Read(action, null));
    }
}
