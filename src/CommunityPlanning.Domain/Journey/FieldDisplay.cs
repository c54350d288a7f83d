using System.Globalization;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Domain.Journey;

/// <summary>Stored values as people read them: choice titles, "Fri 14 Mar 2025", "Yes".</summary>
public static class FieldDisplay
{
    /// <summary>A stored value shown for people.</summary>
    public static string Show(FieldDefinition field, string value)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        return field.Type switch
        {
            FieldType.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                => UkDateFormat.Day(date),
            FieldType.Toggle => value == "true" ? "Yes" : "No",
            FieldType.Choice => TitleOf(field, value),
            FieldType.MultiChoice => string.Join(", ", value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => TitleOf(field, v))),
            _ => value,
        };
    }

    /// <summary>A one-line summary of a row: its first few answers.</summary>
    public static string Summary(FormDefinition form, IReadOnlyDictionary<string, string> values, int parts = 3, int max = 120)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(values);
        var shown = form.Fields
            .Where(f => f.Type != FieldType.MultilineText && values.ContainsKey(f.Id))
            .Take(parts)
            .Select(f => Show(f, values[f.Id]));
        var text = string.Join(" · ", shown);
        if (text.Length == 0)
        {
            text = "(no answers yet)";
        }

        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
    }

    private static string TitleOf(FieldDefinition field, string value)
    {
        var title = field.Choices.FirstOrDefault(c => string.Equals(c.Value, value, StringComparison.Ordinal))?.Title ?? value;

        // Linked choices are numbered for picking ("2. Fix the bus shelter"); the number means nothing elsewhere.
        var dot = title.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 && title[..dot].All(char.IsAsciiDigit) ? title[(dot + 2)..] : title;
    }
}
