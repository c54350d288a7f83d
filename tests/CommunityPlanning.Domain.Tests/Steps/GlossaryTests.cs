using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Domain.Tests.Steps;

public sealed class GlossaryTests
{
    [Theory]
    [InlineData("regulation 14", "Regulation 14")]
    [InlineData("Reg 16", "Regulation 16")]
    [InlineData("sea", "SEA")]
    [InlineData("the screening determination", null)]
    [InlineData("screening determination", "Screening")]
    [InlineData("basic conditions", "Basic conditions")]
    [InlineData("terms of reference", "Terms of reference")]
    [InlineData("stakeholder", "Stakeholders")]
    [InlineData("Planning for Real", "Planning for Real")]
    [InlineData("RAG", "RAG")]
    [InlineData("ring-fenced", "Ring-fenced")]
    [InlineData("\"made\"", "Made")]
    [InlineData("examinations", "Examination")]
    [InlineData("broadband", null)]
    public void Find_TermOrAlias_IgnoresCaseAndPunctuation(string asked, string? expected) =>
        Assert.Equal(expected, Glossary.Find(asked)?.Term);

    [Fact]
    public void Terms_EveryMeaning_IsTwoOrThreeSentences()
    {
        foreach (var term in Glossary.Terms)
        {
            var sentences = term.Meaning.Split(". ", StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.True(sentences is >= 1 and <= 3, $"{term.Term}: {sentences} sentences");
            Assert.EndsWith(".", term.Meaning, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Terms_NamesAreUnique() =>
        Assert.Equal(
            Glossary.Terms.SelectMany(t => t.Names).Count(),
            Glossary.Terms.SelectMany(t => t.Names).Select(n => n.ToLowerInvariant()).Distinct().Count());

    [Fact]
    public void In_StepSixChecklist_SpotsSeaHraAndRegulation14()
    {
        var text = string.Join('\n', StepCatalogue.Get(6).Checklist.Select(i => i.Text));

        var terms = Glossary.In(text).Select(t => t.Term).ToList();

        Assert.Contains("SEA", terms);
        Assert.Contains("HRA", terms);
        Assert.Contains("Regulation 14", terms);
        Assert.DoesNotContain("Made", terms);
    }
}
