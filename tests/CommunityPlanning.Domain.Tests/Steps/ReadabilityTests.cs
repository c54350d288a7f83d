using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Domain.Tests.Steps;

public sealed class ReadabilityTests
{
    private const double MaxGrade = 7;
    private const int ShortSentence = 8;

    [Fact]
    public void StepContentAndGlossary_EverySentenceOverEightWords_IsAtGradeSevenOrBelow()
    {
        var hard = UserFacingText()
            .SelectMany(Readability.Sentences)
            .Distinct(StringComparer.Ordinal)
            .Where(s => Readability.Words(s).Count > ShortSentence)
            .Select(s => (Sentence: s, Grade: Readability.Grade(s)))
            .Where(x => x.Grade > MaxGrade)
            .OrderByDescending(x => x.Grade)
            .ToList();

        Assert.True(hard.Count == 0, $"{hard.Count} sentences read above grade {MaxGrade}:\n" + string.Join('\n', hard.Select(x => $"{x.Grade:0.0}  {x.Sentence}")));
    }

    [Theory]
    [InlineData("The cat sat on the mat.", -1.4)]
    [InlineData("Ask the district council to endorse the plan.", 3.8)]
    public void Grade_KnownSentences_MatchesTheFormula(string sentence, double expected) =>
        Assert.Equal(expected, Readability.Grade(sentence), 1);

    [Theory]
    [InlineData("plan", 1)]
    [InlineData("council", 2)]
    [InlineData("community", 4)]
    [InlineData("made", 1)]
    [InlineData("consultation", 4)]
    public void Syllables_CommonWords_AreCountedAsSpoken(string word, int expected) =>
        Assert.Equal(expected, Readability.Syllables(word));

    private static IEnumerable<string> UserFacingText()
    {
        foreach (var step in StepCatalogue.All)
        {
            yield return step.Title;
            yield return step.Purpose;
            foreach (var text in step.Checklist.Select(i => i.Text).Concat(step.Tips).Concat(step.Pitfalls).Concat(step.Outputs))
            {
                yield return text;
            }

            foreach (var form in step.Forms.Concat(step.StatutoryForms))
            {
                yield return form.Title;
                if (form.Description is { } description)
                {
                    yield return description;
                }

                foreach (var field in form.Fields)
                {
                    yield return field.Label;
                    if (field.Help is { } help)
                    {
                        yield return help;
                    }

                    foreach (var choice in field.Choices)
                    {
                        yield return choice.Title;
                    }
                }
            }
        }

        foreach (var term in Glossary.Terms)
        {
            yield return term.Meaning;
        }
    }
}
