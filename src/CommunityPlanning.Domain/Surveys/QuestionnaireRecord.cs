using System.Text.Json.Serialization;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Surveys;

/// <summary>
/// The questions the group chose from the <see cref="QuestionBank"/> for its questionnaire, in the order chosen.
/// Survey results are matched to these questions when a file is imported.
/// </summary>
[GroupRecord(Kind)]
public sealed record QuestionnaireRecord : IGroupRecord
{
    /// <summary>The key (and kind) of the record.</summary>
    public const string Kind = "questionnaire";

    /// <summary>Most questions a questionnaire may hold from the bank.</summary>
    public const int MaxQuestions = 40;

    /// <summary>The chosen questions' ids.</summary>
    public IReadOnlyList<string> QuestionIds { get; init; } = [];

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => Kind;

    /// <summary>The chosen questions, skipping ids the bank no longer has.</summary>
    [JsonIgnore]
    public IReadOnlyList<BankQuestion> Questions => QuestionIds.Select(QuestionBank.Find).OfType<BankQuestion>().ToList();
}
