namespace CommunityPlanning.Domain.Forms;

/// <summary>One field of a form: what it asks, its type and its limits.</summary>
/// <param name="Id">Stable id, unique in its form; used as the input id on cards and in storage.</param>
/// <param name="Label">The question or label shown to people.</param>
/// <param name="Type">The kind of answer.</param>
public sealed record FieldDefinition(string Id, string Label, FieldType Type)
{
    /// <summary>The default longest text accepted for a single-line field.</summary>
    public const int DefaultTextLimit = 200;

    /// <summary>The default longest text accepted for a multi-line field.</summary>
    public const int DefaultMultilineLimit = 2000;

    /// <summary>True when the field must be filled in.</summary>
    public bool Required { get; init; }

    /// <summary>A short hint shown under the field.</summary>
    public string? Help { get; init; }

    /// <summary>Longest text accepted; defaults by type.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Smallest number accepted.</summary>
    public decimal? Min { get; init; }

    /// <summary>Largest number accepted.</summary>
    public decimal? Max { get; init; }

    /// <summary>True when only whole numbers are accepted.</summary>
    public bool WholeNumber { get; init; }

    /// <summary>The choices offered, for choice fields.</summary>
    public IReadOnlyList<FieldChoice> Choices { get; init; } = [];

    /// <summary>The text limit that applies to this field.</summary>
    public int EffectiveMaxLength =>
        MaxLength ?? (Type == FieldType.MultilineText ? DefaultMultilineLimit : DefaultTextLimit);
}

/// <summary>One choice offered by a choice field.</summary>
/// <param name="Value">The stable value stored.</param>
/// <param name="Title">What people see.</param>
public sealed record FieldChoice(string Value, string Title);
