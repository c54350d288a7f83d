namespace CommunityPlanning.Domain.Dates;

/// <summary>An action sentence split into its title and its due date, as found by <see cref="DatePhraseParser.FindDueDate"/>.</summary>
/// <param name="Title">
/// The sentence with the due-date phrase (and its "by"/"before"/"due") removed and trailing punctuation trimmed;
/// the whole trimmed sentence when no due date was found.
/// </param>
/// <param name="DueDate">
/// The due-date phrase that was found: successful, or failed with a reason when it looked like a date but wasn't one
/// ("by 31/2"). <see langword="null"/> when the sentence has no due-date phrase.
/// </param>
public sealed record DueDateResult(string Title, DatePhraseResult? DueDate)
{
    /// <summary>Whether a due date was found and it names a real date.</summary>
    public bool HasDueDate => DueDate is { Success: true };
}
