using System.Globalization;
using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Slack.Rendering;

namespace CommunityPlanning.Slack.Inbound;

/// <summary>
/// A checkboxes action reports only what is ticked now. Comparing it with the ticks the message
/// showed (its <c>initial_options</c>) gives the items that changed: one tick or untick each, carrying
/// the state wanted, so a stale card never undoes someone else's tick.
/// </summary>
internal static class ChecklistChanges
{
    public static IReadOnlyList<Submission> Read(JsonObject action, JsonObject? message)
    {
        var blockId = action.Str("block_id");
        var verb = action.Str("action_id");
        var data = ChecklistBlockId.TryDecode(blockId);
        var element = message.Arr("blocks").Objects()
            .Where(b => string.Equals(b.Str("block_id"), blockId, StringComparison.Ordinal))
            .SelectMany(b => b.Arr("elements").Objects().Append(b.Obj("accessory")).OfType<JsonObject>())
            .FirstOrDefault(e => string.Equals(e.Str("action_id"), verb, StringComparison.Ordinal));
        if (data is null || verb is null || element is null)
        {
            return [];
        }

        var shown = Values(element.Arr("initial_options"));
        var ticked = Values(action.Arr("selected_options"));
        var changes = new List<Submission>();
        foreach (var item in Values(element.Arr("options")))
        {
            var done = ticked.Contains(item);
            if (done != shown.Contains(item))
            {
                var tick = new Dictionary<string, string>(data, StringComparer.Ordinal)
                {
                    [ChecklistBlock.ItemKey] = item,
                    [ChecklistBlock.DoneKey] = done.ToString(CultureInfo.InvariantCulture).ToLowerInvariant(),
                };
                changes.Add(new Submission(verb, tick, new Dictionary<string, string>()));
            }
        }

        return changes;
    }

    private static List<string> Values(JsonArray? options) =>
        options.Objects().Select(o => o.Str("value")).OfType<string>().ToList();
}
