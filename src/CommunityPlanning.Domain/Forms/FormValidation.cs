namespace CommunityPlanning.Domain.Forms;

/// <summary>The outcome of checking submitted values against a form.</summary>
/// <param name="Values">The cleaned values, by field id (only fields that have a value).</param>
/// <param name="Errors">A friendly message per field id that was not right.</param>
public sealed record FormValidation(
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>True when every field was right.</summary>
    public bool IsValid => Errors.Count == 0;
}
