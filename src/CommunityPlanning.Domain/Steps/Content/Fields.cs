using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Domain.Steps.Content;

/// <summary>Short builders for the step content, so each form reads as a list of questions.</summary>
internal static class Fields
{
    /// <summary>The most money any field accepts, in pounds.</summary>
    public const decimal MaxPounds = 10_000_000m;

    public static FieldDefinition Text(string id, string label, bool required = false, int max = FieldDefinition.DefaultTextLimit, string? help = null) =>
        new(id, label, FieldType.Text) { Required = required, MaxLength = max, Help = help };

    public static FieldDefinition Long(string id, string label, bool required = false, int max = 1000, string? help = null) =>
        new(id, label, FieldType.MultilineText) { Required = required, MaxLength = max, Help = help };

    public static FieldDefinition Count(string id, string label, decimal max, bool required = false, string? help = null) =>
        new(id, label, FieldType.Number) { Required = required, Min = 0, Max = max, WholeNumber = true, Help = help };

    public static FieldDefinition Percent(string id, string label, bool required = false, string? help = null) =>
        new(id, label, FieldType.Number) { Required = required, Min = 0, Max = 100, Help = help };

    public static FieldDefinition Pounds(string id, string label, bool required = false, string? help = null) =>
        new(id, label, FieldType.Number) { Required = required, Min = 0, Max = MaxPounds, Help = help ?? "In pounds, for example 250" };

    public static FieldDefinition Year(string id, string label, bool required = false) =>
        new(id, label, FieldType.Number) { Required = required, Min = 1800, Max = 2100, WholeNumber = true, Help = "A year, like 2021" };

    public static FieldDefinition Date(string id, string label, bool required = false, string? help = null) =>
        new(id, label, FieldType.Date) { Required = required, Help = help };

    public static FieldDefinition YesNo(string id, string label, string? help = null) =>
        new(id, label, FieldType.Toggle) { Help = help };

    public static FieldDefinition Choice(string id, string label, IReadOnlyList<FieldChoice> choices, bool required = false, string? help = null) =>
        new(id, label, FieldType.Choice) { Required = required, Choices = choices, Help = help };

    public static FieldDefinition Multi(string id, string label, IReadOnlyList<FieldChoice> choices, bool required = false, string? help = null) =>
        new(id, label, FieldType.MultiChoice) { Required = required, Choices = choices, Help = help };

    /// <summary>A single form: one set of answers.</summary>
    public static FormDefinition Single(string id, string title, string description, params FieldDefinition[] fields) =>
        new(id, title, fields) { Description = description };

    /// <summary>A repeating form: a list of rows.</summary>
    public static FormDefinition Rows(string id, string title, string description, int maxRows, params FieldDefinition[] fields) =>
        new(id, title, fields) { Description = description, Repeating = true, MaxRows = maxRows };

    /// <summary>Choices from (value, title) pairs.</summary>
    public static IReadOnlyList<FieldChoice> Options(params (string Value, string Title)[] pairs) =>
        pairs.Select(p => new FieldChoice(p.Value, p.Title)).ToArray();
}
