using System.Globalization;
using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Slack.Rendering;

/// <summary>Modal inputs: one input block per card input, its block id the input id.</summary>
public static partial class BlockKitRenderer
{
    private static IEnumerable<JsonObject> Input(InputField input)
    {
        if (input.Id.Length > BlockKitLimits.BlockId)
        {
            throw new InvalidOperationException($"The input id \"{input.Id}\" is longer than a Slack block_id allows.");
        }

        var block = new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = input.Id,
            ["optional"] = !input.Required,
            ["label"] = PlainText(Mrkdwn.Fit(input.Label, BlockKitLimits.InputLabel)),
            ["element"] = Element(input),
        };
        if (Hint(input) is { } hint)
        {
            block["hint"] = PlainText(Mrkdwn.Fit(hint, BlockKitLimits.Hint));
        }

        yield return block;
        if (!string.IsNullOrWhiteSpace(input.Error))
        {
            yield return PlainContext("⚠️ " + Mrkdwn.Fit(input.Error, BlockKitLimits.ContextText - 3));
        }
    }

    // A number box that takes whole numbers only says so before anyone types a decimal.
    private static string? Hint(InputField input) =>
        input.Kind == FieldType.Number && input.WholeNumber && input.Help?.Contains("whole number", StringComparison.OrdinalIgnoreCase) != true
            ? (string.IsNullOrWhiteSpace(input.Help) ? "Whole numbers only." : input.Help.TrimEnd() + " Whole numbers only.")
            : string.IsNullOrWhiteSpace(input.Help) ? null : input.Help;

    private static JsonObject Element(InputField input)
    {
        var element = input.Kind switch
        {
            FieldType.Number => NumberInput(input),
            FieldType.Date => DatePicker(input),
            FieldType.Choice when input.Choices.Count > 0 => Select(input, multi: false),
            FieldType.MultiChoice when input.Choices.Count > 0 => Select(input, multi: true),
            FieldType.Toggle => Toggle(input),
            _ => TextInput(input),
        };
        element["action_id"] = InputActionId;
        if (!string.IsNullOrWhiteSpace(input.Placeholder) && input.Kind is not FieldType.Toggle)
        {
            element["placeholder"] = PlainText(Mrkdwn.Fit(input.Placeholder, BlockKitLimits.Placeholder));
        }

        return element;
    }

    private static JsonObject TextInput(InputField input)
    {
        var element = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["multiline"] = input.Kind == FieldType.MultilineText,
            ["max_length"] = Math.Min(input.MaxLength ?? BlockKitLimits.PlainTextInput, BlockKitLimits.PlainTextInput),
        };
        if (!string.IsNullOrEmpty(input.Value))
        {
            element["initial_value"] = Mrkdwn.Fit(input.Value, BlockKitLimits.PlainTextInput);
        }

        return element;
    }

    private static JsonObject NumberInput(InputField input)
    {
        var element = new JsonObject { ["type"] = "number_input", ["is_decimal_allowed"] = !input.WholeNumber };
        if (input.Min is { } min)
        {
            element["min_value"] = min.ToString(CultureInfo.InvariantCulture);
        }

        if (input.Max is { } max)
        {
            element["max_value"] = max.ToString(CultureInfo.InvariantCulture);
        }

        if (decimal.TryParse(input.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            element["initial_value"] = value.ToString(CultureInfo.InvariantCulture);
        }

        return element;
    }

    private static JsonObject DatePicker(InputField input)
    {
        var element = new JsonObject { ["type"] = "datepicker" };
        if (DateOnly.TryParseExact(input.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            element["initial_date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return element;
    }

    private static JsonObject Select(InputField input, bool multi)
    {
        if (input.Choices.Count > BlockKitLimits.SelectOptions)
        {
            throw new InvalidOperationException($"The input \"{input.Id}\" has {input.Choices.Count} choices; a Slack menu holds {BlockKitLimits.SelectOptions}.");
        }

        var options = new JsonArray();
        var chosen = (input.Value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var initial = new JsonArray();
        foreach (var choice in input.Choices)
        {
            var option = new JsonObject { ["text"] = PlainText(Mrkdwn.Fit(choice.Title, BlockKitLimits.OptionText)), ["value"] = choice.Value };
            options.Add(option);
            if (chosen.Contains(choice.Value, StringComparer.Ordinal))
            {
                initial.Add(option.DeepClone());
            }
        }

        var element = new JsonObject { ["type"] = multi ? "multi_static_select" : "static_select", ["options"] = options };
        if (initial.Count > 0)
        {
            if (multi)
            {
                element["initial_options"] = initial;
            }
            else
            {
                element["initial_option"] = initial[0]!.DeepClone();
            }
        }

        return element;
    }

    private static JsonObject Toggle(InputField input)
    {
        var option = new JsonObject { ["text"] = PlainText("Yes"), ["value"] = ToggleOn };
        var element = new JsonObject { ["type"] = "checkboxes", ["options"] = new JsonArray(option) };
        if (string.Equals(input.Value, ToggleOn, StringComparison.OrdinalIgnoreCase))
        {
            element["initial_options"] = new JsonArray(option.DeepClone());
        }

        return element;
    }
}
