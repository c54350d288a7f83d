using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Conversations.Cards;

/// <summary>One input on a card, with its current value and any error to show beside it.</summary>
/// <param name="Id">The input id; submitted values come back under it.</param>
/// <param name="Label">The label.</param>
/// <param name="Kind">The kind of input: the same kinds as form fields.</param>
public sealed record InputField(string Id, string Label, FieldType Kind)
{
    /// <summary>The value to show (dates as yyyy-MM-dd, toggles as "true"/"false", multi-choice comma-separated).</summary>
    public string? Value { get; init; }

    /// <summary>True when the input must be filled in.</summary>
    public bool Required { get; init; }

    /// <summary>Placeholder text.</summary>
    public string? Placeholder { get; init; }

    /// <summary>A hint shown under the input.</summary>
    public string? Help { get; init; }

    /// <summary>Longest text.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Smallest number.</summary>
    public decimal? Min { get; init; }

    /// <summary>Largest number.</summary>
    public decimal? Max { get; init; }

    /// <summary>True when a number input takes whole numbers only.</summary>
    public bool WholeNumber { get; init; }

    /// <summary>Choices, for choice inputs.</summary>
    public IReadOnlyList<InputChoice> Choices { get; init; } = [];

    /// <summary>A friendly error from the last submission, shown beside the input.</summary>
    public string? Error { get; init; }
}

/// <summary>A choice offered by an input.</summary>
/// <param name="Value">The value submitted.</param>
/// <param name="Title">What people see.</param>
public sealed record InputChoice(string Value, string Title);
