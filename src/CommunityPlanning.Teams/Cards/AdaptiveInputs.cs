using System.Globalization;
using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Teams.Cards;

/// <summary>Renders one neutral input as an Adaptive Card input, with its error and help beneath it.</summary>
internal static class AdaptiveInputs
{
    /// <summary>Adds the input, then any error from the last submission, then any help, to <paramref name="body"/>.</summary>
    public static void Render(InputField field, JsonArray body)
    {
        body.Add(Input(field));

        // Shown as text rather than through the input's errorMessage, which only client-side
        // validation can raise: this way the server's message sits beside the field in every renderer.
        if (!string.IsNullOrWhiteSpace(field.Error))
        {
            body.Add(AdaptiveText.Block(field.Error, new JsonObject { ["color"] = "Attention", ["weight"] = "Bolder", ["spacing"] = "Small" }));
        }

        if (!string.IsNullOrWhiteSpace(field.Help))
        {
            body.Add(AdaptiveText.Block(field.Help, new JsonObject { ["isSubtle"] = true, ["size"] = "Small", ["spacing"] = "Small" }));
        }
    }

    private static JsonObject Input(InputField field)
    {
        var input = new JsonObject();
        switch (field.Kind)
        {
            case FieldType.Text:
            case FieldType.MultilineText:
                Start(input, "Input.Text", field);
                if (field.Kind == FieldType.MultilineText)
                {
                    input["isMultiline"] = true;
                }

                if (field.MaxLength is { } maxLength)
                {
                    input["maxLength"] = maxLength;
                }

                Placeholder(input, field);
                if (field.Value is { } text)
                {
                    input["value"] = text;
                }

                break;

            case FieldType.Number:
                Start(input, "Input.Number", field);
                if (field.Min is { } min)
                {
                    input["min"] = min;
                }

                if (field.Max is { } max)
                {
                    input["max"] = max;
                }

                Placeholder(input, field);

                // A value the number box cannot show is left out rather than sent as text it would refuse.
                if (decimal.TryParse(field.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    input["value"] = number;
                }

                break;

            case FieldType.Date:
                Start(input, "Input.Date", field);
                Placeholder(input, field);
                if (DateOnly.TryParseExact(field.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    input["value"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }

                break;

            case FieldType.Choice:
            case FieldType.MultiChoice:
                Start(input, "Input.ChoiceSet", field);
                var multi = field.Kind == FieldType.MultiChoice;
                input["style"] = multi ? "expanded" : "compact";
                if (multi)
                {
                    input["isMultiSelect"] = true;
                }

                var choices = new JsonArray();
                foreach (var choice in field.Choices)
                {
                    choices.Add(new JsonObject { ["title"] = choice.Title, ["value"] = choice.Value });
                }

                input["choices"] = choices;
                if (!multi)
                {
                    Placeholder(input, field);
                }

                if (!string.IsNullOrEmpty(field.Value))
                {
                    input["value"] = field.Value;
                }

                break;

            case FieldType.Toggle:
                // The toggle's title is its label, shown beside the box; a separate label would repeat it.
                input["type"] = "Input.Toggle";
                input["id"] = field.Id;
                input["title"] = field.Label;
                input["wrap"] = true;
                input["valueOn"] = "true";
                input["valueOff"] = "false";
                input["value"] = string.Equals(field.Value, "true", StringComparison.OrdinalIgnoreCase) ? "true" : "false";
                break;

            default:
                throw new ArgumentException($"Unknown input kind {field.Kind}.", nameof(field));
        }

        input["isRequired"] = field.Required;
        input["errorMessage"] = ClientErrorMessage(field);
        return input;
    }

    private static void Start(JsonObject input, string type, InputField field)
    {
        input["type"] = type;
        input["id"] = field.Id;
        input["label"] = field.Label;
    }

    private static void Placeholder(JsonObject input, InputField field)
    {
        if (!string.IsNullOrWhiteSpace(field.Placeholder))
        {
            input["placeholder"] = field.Placeholder;
        }
    }

    // Shown by the client when its own checks fail (nothing filled in, a number out of range, too long).
    private static string ClientErrorMessage(InputField field) => field.Kind switch
    {
        FieldType.Number => (field.Min, field.Max) switch
        {
            ({ } min, { } max) => Invariant($"Please enter a number from {min} to {max}."),
            ({ } min, null) => Invariant($"Please enter a number of {min} or more."),
            (null, { } max) => Invariant($"Please enter a number of {max} or less."),
            _ => "Please enter a number.",
        },
        FieldType.Date => "Please choose a date.",
        FieldType.Choice => "Please choose one.",
        FieldType.MultiChoice => "Please choose at least one.",
        FieldType.Toggle => "Please tick this to carry on.",
        _ => (field.Required, field.MaxLength) switch
        {
            (true, { } maxLength) => Invariant($"Please fill this in, using up to {maxLength} characters."),
            (true, null) => "Please fill this in.",
            (false, { } maxLength) => Invariant($"Please use up to {maxLength} characters."),
            _ => "Please check this.",
        },
    };

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
