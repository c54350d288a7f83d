using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using CommunityPlanning.Conversations.Turns;

namespace CommunityPlanning.Teams.Cards;

/// <summary>
/// Reads a card action back into a <see cref="Submission"/>: either the value of an
/// <c>adaptiveCard/action</c> invoke (<c>Action.Execute</c>) or the value of a message activity sent by
/// the <c>Action.Submit</c> fallback. Both carry <see cref="AdaptiveCardData"/> with the input values
/// beside it. Anything malformed or oversized is refused. Stateless: register one instance.
/// </summary>
public sealed class AdaptiveCardSubmissionReader
{
    /// <summary>The longest verb accepted.</summary>
    public const int MaxVerbLength = 100;

    /// <summary>The most data entries, and separately the most inputs, accepted.</summary>
    public const int MaxEntries = 100;

    /// <summary>The longest key or value accepted.</summary>
    public const int MaxStringLength = 10_000;

    /// <summary>Reads a submission.</summary>
    /// <param name="value">The invoke's <c>value</c>, or the message activity's <c>value</c>.</param>
    /// <param name="submission">The submission, when the value is one of ours and well formed.</param>
    /// <returns>True when <paramref name="submission"/> was read.</returns>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "A service injected as a singleton, like the renderer.")]
    public bool TryRead(JsonElement value, [NotNullWhen(true)] out Submission? submission)
    {
        submission = null;
        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        string? actionVerb = null;
        var automatic = false;
        var data = value;
        if (value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object)
        {
            if (!TryReadInvoke(value, action, out actionVerb, out automatic, out data))
            {
                return false;
            }
        }

        if (!TryReadData(data, actionVerb, out var verb, out var values, out var inputs))
        {
            return false;
        }

        submission = new Submission(verb, values, inputs) { IsAutomatic = automatic };
        return true;
    }

    // { "action": { "type": "Action.Execute", "verb": "…", "data": {…} }, "trigger": "manual" | "automatic" }
    private static bool TryReadInvoke(JsonElement value, JsonElement action, out string? verb, out bool automatic, out JsonElement data)
    {
        verb = null;
        automatic = false;
        data = default;
        if (action.TryGetProperty("type", out var type)
            && !(type.ValueKind == JsonValueKind.String && type.ValueEquals("Action.Execute")))
        {
            return false;
        }

        if (action.TryGetProperty("verb", out var verbElement))
        {
            if (verbElement.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            verb = verbElement.GetString();
        }

        if (value.TryGetProperty("trigger", out var trigger))
        {
            if (trigger.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            automatic = trigger.ValueEquals("automatic");
        }

        if (!action.TryGetProperty("data", out data) || data.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        return true;
    }

    // { "cpVerb": "…", "cpData": {…}, "<input id>": "<value>", … }
    private static bool TryReadData(
        JsonElement data,
        string? actionVerb,
        [NotNullWhen(true)] out string? verb,
        [NotNullWhen(true)] out Dictionary<string, string>? values,
        [NotNullWhen(true)] out Dictionary<string, string>? inputs)
    {
        verb = null;
        values = null;
        inputs = null;
        string? dataVerb = null;
        var readValues = new Dictionary<string, string>(StringComparer.Ordinal);
        var readInputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var sawVerb = false;
        var sawData = false;
        foreach (var property in data.EnumerateObject())
        {
            if (property.NameEquals(AdaptiveCardData.VerbKey))
            {
                if (sawVerb || property.Value.ValueKind != JsonValueKind.String)
                {
                    return false;
                }

                sawVerb = true;
                dataVerb = property.Value.GetString();
            }
            else if (property.NameEquals(AdaptiveCardData.DataKey))
            {
                if (sawData || !TryReadScalars(property.Value, readValues))
                {
                    return false;
                }

                sawData = true;
            }
            else if (!TryAdd(readInputs, property.Name, property.Value))
            {
                return false;
            }
        }

        // Both are ours: if they disagree the data was not made by our renderer.
        if (actionVerb is not null && dataVerb is not null && !string.Equals(actionVerb, dataVerb, StringComparison.Ordinal))
        {
            return false;
        }

        var chosen = actionVerb ?? dataVerb;
        if (string.IsNullOrWhiteSpace(chosen) || chosen.Length > MaxVerbLength)
        {
            return false;
        }

        verb = chosen;
        values = readValues;
        inputs = readInputs;
        return true;
    }

    private static bool TryReadScalars(JsonElement element, Dictionary<string, string> into)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!TryAdd(into, property.Name, property.Value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryAdd(Dictionary<string, string> into, string key, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            // An input left empty may come as null (or not at all): both mean "no value".
            return true;
        }

        if (into.Count >= MaxEntries || key.Length == 0 || key.Length > MaxStringLength || !TryScalar(value, out var text))
        {
            return false;
        }

        // A repeated key is not something Teams sends; refuse rather than guess which one counts.
        return into.TryAdd(key, text);
    }

    private static bool TryScalar(JsonElement value, [NotNullWhen(true)] out string? text)
    {
        text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return text is not null && text.Length <= MaxStringLength;
    }
}
