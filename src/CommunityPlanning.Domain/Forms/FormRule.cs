namespace CommunityPlanning.Domain.Forms;

/// <summary>
/// A check across several fields of one form or row (returned no more than distributed, a closing date
/// after the opening date), run on the server after each field has passed its own checks.
/// </summary>
/// <param name="FormId">The form the rule applies to.</param>
/// <param name="Check">Given the row's cleaned values, returns the field to blame and a friendly message, or null when all is well.</param>
public sealed record FormRule(string FormId, Func<IReadOnlyDictionary<string, string>, FieldError?> Check);

/// <summary>A friendly message about one field.</summary>
/// <param name="FieldId">The field the message belongs beside.</param>
/// <param name="Message">What is wrong and how to put it right.</param>
public sealed record FieldError(string FieldId, string Message);
