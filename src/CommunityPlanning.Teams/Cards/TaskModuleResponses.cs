using System.Text.Json.Nodes;

namespace CommunityPlanning.Teams.Cards;

/// <summary>
/// Bodies for answering a message extension's <c>composeExtension/fetchTask</c> and
/// <c>composeExtension/submitAction</c> invokes: open (or keep open) a dialog holding a card, show a short
/// message in it, or close it.
/// </summary>
public static class TaskModuleResponses
{
    /// <summary>Closes the dialog: everything it did went into the conversation.</summary>
    /// <returns>The response body.</returns>
    public static JsonObject Close() => [];

    /// <summary>Shows a short message in the dialog.</summary>
    /// <param name="text">Plain text.</param>
    /// <returns>The response body.</returns>
    public static JsonObject Message(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new JsonObject { ["task"] = new JsonObject { ["type"] = "message", ["value"] = text } };
    }

    /// <summary>Opens (or keeps open) a dialog holding the card, its buttons as <c>Action.Submit</c>.</summary>
    /// <param name="title">The dialog's title.</param>
    /// <param name="card">A rendered Adaptive Card.</param>
    /// <returns>The response body.</returns>
    public static JsonObject Continue(string title, JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var content = (JsonObject)card.DeepClone();
        UseSubmit(content);
        return new JsonObject
        {
            ["task"] = new JsonObject
            {
                ["type"] = "continue",
                ["value"] = new JsonObject
                {
                    ["title"] = title,
                    ["height"] = "medium",
                    ["width"] = "medium",
                    ["card"] = new JsonObject { ["contentType"] = AdaptiveCardRenderer.ContentType, ["content"] = content },
                },
            },
        };
    }

    // Dialogs send Action.Submit to the bot (as submitAction); Action.Execute is for cards in messages. Our
    // renderer gives every Execute a Submit fallback with the same data, so the fallback replaces it.
    private static void UseSubmit(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (obj[name] is JsonObject { } child && IsExecute(child) && child["fallback"] is JsonObject fallback)
                    {
                        obj[name] = fallback.DeepClone();
                    }

                    UseSubmit(obj[name]);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject { } item && IsExecute(item) && item["fallback"] is JsonObject fallback)
                    {
                        array[i] = fallback.DeepClone();
                    }

                    UseSubmit(array[i]);
                }

                break;
        }
    }

    private static bool IsExecute(JsonObject node) => node["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && (string?)node["type"] == "Action.Execute";
}
