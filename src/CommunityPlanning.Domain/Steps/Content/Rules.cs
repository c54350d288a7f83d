using System.Globalization;
using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Domain.Steps.Content;

/// <summary>Builders for cross-field checks used by the step content.</summary>
internal static class Rules
{
    /// <summary><paramref name="part"/> may not be larger than <paramref name="whole"/> when both are given.</summary>
    public static FormRule NotMoreThan(string formId, string part, string whole, string message) =>
        new(formId, values =>
            Number(values, part) is { } p && Number(values, whole) is { } w && p > w ? new FieldError(part, message) : null);

    /// <summary><paramref name="later"/> may not be before <paramref name="earlier"/> when both are given.</summary>
    public static FormRule NotBefore(string formId, string later, string earlier, string message) =>
        new(formId, values =>
            Day(values, later) is { } l && Day(values, earlier) is { } e && l < e ? new FieldError(later, message) : null);

    /// <summary>A consultation from <paramref name="start"/> to <paramref name="end"/> must last at least <paramref name="weeks"/> weeks.</summary>
    public static FormRule LastsAtLeast(string formId, string start, string end, int weeks, string what) =>
        new(formId, values =>
            Day(values, start) is { } s && Day(values, end) is { } e && e.DayNumber - s.DayNumber < weeks * 7
                ? new FieldError(end, $"{what} must run for at least {weeks} weeks. Please check the end date.")
                : null);

    /// <summary>
    /// Milestone dates that must run in the order given, when given: the first date earlier than one
    /// before it is marked, naming both.
    /// </summary>
    public static FormRule InOrder(string formId, params (string Field, string Name)[] milestones) =>
        new(formId, values =>
        {
            (string Field, string Name, DateOnly Date)? latest = null;
            foreach (var (field, name) in milestones)
            {
                if (Day(values, field) is not { } date)
                {
                    continue;
                }

                if (latest is { } before && date < before.Date)
                {
                    return new FieldError(field, $"{name} can't be before {char.ToLowerInvariant(before.Name[0])}{before.Name[1..]}. Please check the dates.");
                }

                latest = (field, name, date);
            }

            return null;
        });

    private static decimal? Number(IReadOnlyDictionary<string, string> values, string id) =>
        values.TryGetValue(id, out var text) && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateOnly? Day(IReadOnlyDictionary<string, string> values, string id) =>
        values.TryGetValue(id, out var text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
