using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Journey;

/// <summary>
/// <c>what is regulation 14</c>, <c>what does SEA mean</c>, <c>explain basic conditions</c>: a word from the
/// step content in plain English, from the <see cref="Glossary"/>. Works before a plan is started too.
/// </summary>
public sealed partial class GlossaryCommand : ICommand
{
    private const int SuggestionsShown = 8;

    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(match);
        var asked = match.Groups["term"].Value.Trim().Trim('"', '\'', '“', '”', '‘', '’');
        if (Glossary.Find(asked) is { } term)
        {
            context.Say($"{term.Term}: {term.Meaning}\nAsk about another word, or type \"where are we\" to get back to your step.");
            return ValueTask.CompletedTask;
        }

        var some = string.Join(", ", Glossary.Terms.Where(t => t.Spotted).Take(SuggestionsShown).Select(t => t.Term));
        context.Say($"I don't have \"{asked}\" in my word list. I can explain words like {some}. Try \"what is SEA\", or type \"help\" to see what else I do.");
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(
        @"^(?:what(?:'s|’s| is| are)\s+(?!next$)(?:an?\s+|the\s+)?(?<term>.+?)|what does\s+(?<term>.+?)\s+mean|explain\s+(?:the\s+)?(?<term>.+?)|define\s+(?<term>.+?))$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
