namespace CommunityPlanning.Domain.Steps;

/// <summary>A word or phrase from the step content, explained in plain English.</summary>
/// <param name="Term">The term as the content writes it ("Regulation 14").</param>
/// <param name="Meaning">Two or three short sentences a volunteer understands.</param>
/// <param name="Aliases">Other ways people ask for it ("reg 14"), matched without case.</param>
public sealed record GlossaryTerm(string Term, string Meaning, params string[] Aliases)
{
    /// <summary>
    /// False for terms so common in ordinary sentences ("made", "action plan") that spotting them in the
    /// content would list them everywhere; they are still answered when asked for.
    /// </summary>
    public bool Spotted { get; init; } = true;

    /// <summary>Every name the term answers to, the term first.</summary>
    public IEnumerable<string> Names => Aliases.Prepend(Term);
}
