using System.Text.Json.Nodes;

namespace CommunityPlanning.Slack.Tests.Rendering;

/// <summary>Checks Block Kit JSON against Slack's limits (PROTOCOLS.md and Slack's block reference).</summary>
public static class BlockKitAssert
{
    private static readonly HashSet<string> BlockTypes = ["header", "section", "context", "actions", "input", "divider", "image"];

    public static void ValidMessage(JsonArray blocks) => Valid(blocks, 50, modal: false);

    public static void ValidModal(JsonObject view)
    {
        Assert.Equal("modal", view["type"]!.GetValue<string>());
        Assert.InRange(view["title"]!["text"]!.GetValue<string>().Length, 1, 24);
        if (view["submit"] is { } submit)
        {
            Assert.InRange(submit["text"]!.GetValue<string>().Length, 1, 24);
        }

        Assert.InRange(view["private_metadata"]!.GetValue<string>().Length, 0, 3000);
        Valid(view["blocks"]!.AsArray(), 100, modal: true);
    }

    private static void Valid(JsonArray blocks, int maxBlocks, bool modal)
    {
        Assert.InRange(blocks.Count, 1, maxBlocks);
        var blockIds = new HashSet<string>();
        foreach (var block in blocks.Select(b => b!.AsObject()))
        {
            var type = block["type"]!.GetValue<string>();
            Assert.Contains(type, BlockTypes);
            if (block["block_id"] is { } id)
            {
                Assert.InRange(id.GetValue<string>().Length, 1, 255);
                Assert.True(blockIds.Add(id.GetValue<string>()), $"Duplicate block_id {id}");
            }

            switch (type)
            {
                case "header":
                    PlainText(block["text"], 150);
                    break;
                case "section":
                    if (block["text"] is { } text)
                    {
                        Text(text, 3000);
                    }

                    if (block["accessory"] is JsonObject accessory)
                    {
                        Element(accessory);
                    }

                    if (block["fields"] is JsonArray fields)
                    {
                        Assert.InRange(fields.Count, 1, 10);
                        foreach (var field in fields)
                        {
                            Text(field, 2000);
                        }
                    }

                    break;
                case "context":
                    var elements = block["elements"]!.AsArray();
                    Assert.InRange(elements.Count, 1, 10);
                    foreach (var element in elements)
                    {
                        Text(element, 3000);
                    }

                    break;
                case "actions":
                    var actions = block["elements"]!.AsArray();
                    Assert.InRange(actions.Count, 1, 25);
                    var actionIds = new HashSet<string>();
                    foreach (var element in actions.Select(e => e!.AsObject()))
                    {
                        Assert.True(actionIds.Add(element["action_id"]!.GetValue<string>()), "Duplicate action_id in a block");
                        Element(element);
                    }

                    break;
                case "input":
                    // Messages may hold inputs too (a question card), submitted by a button in the message.
                    PlainText(block["label"], 2000);
                    if (block["hint"] is { } hint)
                    {
                        PlainText(hint, 2000);
                    }

                    Element(block["element"]!.AsObject());
                    break;
                case "image":
                    var url = block["image_url"]!.GetValue<string>();
                    Assert.InRange(url.Length, 1, 3000);
                    Assert.StartsWith("https://", url, StringComparison.Ordinal);
                    Assert.InRange(block["alt_text"]!.GetValue<string>().Length, 1, 2000);
                    break;
            }
        }
    }

    private static void Element(JsonObject element)
    {
        Assert.InRange(element["action_id"]!.GetValue<string>().Length, 1, 255);
        switch (element["type"]!.GetValue<string>())
        {
            case "button":
                PlainText(element["text"], 75);
                if (element["url"] is { } url)
                {
                    // A link button opens its page; Slack still sends the click, with no value needed.
                    Assert.InRange(url.GetValue<string>().Length, 1, 3000);
                }
                else
                {
                    Assert.InRange(element["value"]!.GetValue<string>().Length, 1, 2000);
                }
                break;
            case "checkboxes":
            case "static_select":
            case "multi_static_select":
                var options = element["options"]!.AsArray();
                Assert.InRange(options.Count, 1, element["type"]!.GetValue<string>() == "checkboxes" ? 10 : 100);
                var values = options.Select(o => o!["value"]!.GetValue<string>()).ToList();
                Assert.Equal(values.Count, values.Distinct().Count());
                foreach (var option in options)
                {
                    Text(option!["text"], 75);
                    Assert.InRange(option["value"]!.GetValue<string>().Length, 1, 150);
                    if (option["description"] is { } description)
                    {
                        Text(description, 75);
                    }
                }

                foreach (var initial in (element["initial_options"] as JsonArray ?? []).Append(element["initial_option"]).OfType<JsonNode>())
                {
                    Assert.Contains(options, o => JsonNode.DeepEquals(o, initial));
                }

                break;
            case "plain_text_input":
                Assert.InRange(element["max_length"]?.GetValue<int>() ?? 3000, 1, 3000);
                break;
        }
    }

    private static void PlainText(JsonNode? node, int max)
    {
        Assert.Equal("plain_text", node!["type"]!.GetValue<string>());
        Assert.InRange(node["text"]!.GetValue<string>().Length, 1, max);
    }

    private static void Text(JsonNode? node, int max)
    {
        Assert.Contains(node!["type"]!.GetValue<string>(), new[] { "plain_text", "mrkdwn" });
        Assert.InRange(node["text"]!.GetValue<string>().Length, 1, max);
    }
}
