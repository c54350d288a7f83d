using System.Globalization;

namespace CommunityPlanning.Domain.Journey;

/// <summary>Small pure sums behind the values the bot shows but nobody types.</summary>
public static class Computations
{
    /// <summary>
    /// Returned ÷ distributed as a percentage, or null when it cannot be worked out (nothing distributed,
    /// or more returned than distributed, which the form refuses).
    /// </summary>
    public static decimal? ResponseRate(decimal? returned, decimal? distributed)
    {
        if (returned is not { } r || distributed is not { } d || d <= 0 || r < 0 || r > d)
        {
            return null;
        }

        return Math.Round(r * 100m / d, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>A percentage as people read it: "42%", "42.5%".</summary>
    public static string Percent(decimal value) =>
        value.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>An amount of money: "£1,250" or "£12.50".</summary>
    public static string Pounds(decimal value) =>
        "£" + value.ToString(decimal.Truncate(value) == value ? "#,##0" : "#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>Reads a stored number (invariant culture), or null.</summary>
    public static decimal? Number(IReadOnlyDictionary<string, string> values, string fieldId)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.TryGetValue(fieldId, out var text)
            && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    /// <summary>Reads a stored date (yyyy-MM-dd), or null.</summary>
    public static DateOnly? Date(IReadOnlyDictionary<string, string> values, string fieldId)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.TryGetValue(fieldId, out var text)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    /// <summary>The sum of a number field over rows, or null when no row has it.</summary>
    public static decimal? Sum(IEnumerable<IReadOnlyDictionary<string, string>> rows, string fieldId)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var numbers = rows.Select(r => Number(r, fieldId)).Where(n => n.HasValue).Select(n => n!.Value).ToList();
        return numbers.Count == 0 ? null : numbers.Sum();
    }
}
