namespace CommunityPlanning.Domain.Forms;

/// <summary>A form a step asks the group to fill in: single (one answer set) or repeating (rows).</summary>
/// <param name="Id">Stable id, unique in its step.</param>
/// <param name="Title">The form's title.</param>
/// <param name="Fields">The fields, in the order they are asked.</param>
public sealed record FormDefinition(string Id, string Title, IReadOnlyList<FieldDefinition> Fields)
{
    /// <summary>A sentence saying what the form is for.</summary>
    public string? Description { get; init; }

    /// <summary>True when the form holds many rows (volunteers, surveys, issues…).</summary>
    public bool Repeating { get; init; }

    /// <summary>The most rows a repeating form holds.</summary>
    public int MaxRows { get; init; } = 200;

    /// <summary>A field by id, or null.</summary>
    public FieldDefinition? Field(string id) => Fields.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.Ordinal));
}
