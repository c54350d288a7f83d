using System.Text.Json.Nodes;
using CommunityPlanning.Slack.Rendering;

namespace CommunityPlanning.Slack.Inbound;

/// <summary>
/// A modal's <c>view.state.values</c> as the pipeline's inputs, by input id (the block id): text and
/// numbers as typed, dates as yyyy-MM-dd, a choice's value, several choices comma-separated, and a
/// yes/no checkbox as "true" or "false".
/// </summary>
internal static class ModalInputs
{
    public static IReadOnlyDictionary<string, string> Read(JsonObject? values)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (values is null)
        {
            return inputs;
        }

        foreach (var (blockId, block) in values)
        {
            if (block is not JsonObject elements)
            {
                continue;
            }

            foreach (var (_, node) in elements)
            {
                if (node is JsonObject element)
                {
                    inputs[blockId] = ValueOf(element) ?? string.Empty;
                }
            }
        }

        return inputs;
    }

    private static string? ValueOf(JsonObject element) => element.Str("type") switch
    {
        "datepicker" => element.Str("selected_date"),
        "static_select" or "radio_buttons" => element.Obj("selected_option").Str("value"),
        "multi_static_select" => string.Join(',', Selected(element)),
        "checkboxes" => Selected(element).Contains(BlockKitRenderer.ToggleOn, StringComparer.Ordinal) ? "true" : "false",
        _ => element.Str("value"),
    };

    private static IEnumerable<string> Selected(JsonObject element) =>
        element.Arr("selected_options").Objects().Select(o => o.Str("value")).OfType<string>();
}
