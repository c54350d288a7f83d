using System.Globalization;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Conversations.Dialogs;

/// <summary>
/// One choice (or several, comma-separated) from a numbered list, picked by number, by name, or by the
/// start of a name when only one choice starts that way.
/// </summary>
/// <param name="Id">The question's id.</param>
/// <param name="Question">The question.</param>
/// <param name="Choices">The choices offered.</param>
/// <param name="Multiple">True when several may be picked.</param>
public sealed record ChoicePrompt(string Id, string Question, IReadOnlyList<FieldChoice> Choices, bool Multiple = false) : Prompt(Id, Question)
{
    private const int ShortestPrefix = 3;
    private const int MaxListed = 8;

    /// <inheritdoc />
    public override string HowToAnswer => Multiple
        ? "Type the names of the choices, separated by commas."
        : "Type the name of one of the choices.";

    /// <inheritdoc />
    public override InputField Input(string inputId) => new(inputId, Question, Multiple ? FieldType.MultiChoice : FieldType.Choice)
    {
        Help = Help,
        Choices = Choices.Select(c => new InputChoice(c.Value, c.Title)).ToList(),
    };

    /// <inheritdoc />
    public override PromptAnswer Read(string text, PromptEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = Multiple
            ? text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [text.Trim()];
        if (parts.Length == 0 || parts.All(p => p.Length == 0))
        {
            return PromptAnswer.Reject("I didn't get an answer there.");
        }

        var picked = new List<string>();
        foreach (var part in parts)
        {
            if (Find(part.TrimEnd('.', '!')) is not { } choice)
            {
                return PromptAnswer.Reject($"\"{Shorten(part)}\" isn't one of the choices: {string.Join(", ", Choices.Take(MaxListed).Select(c => c.Title))}{(Choices.Count > MaxListed ? "…" : string.Empty)}.");
            }

            if (!picked.Contains(choice.Value, StringComparer.Ordinal))
            {
                picked.Add(choice.Value);
            }
        }

        return PromptAnswer.Accept(string.Join(',', picked));
    }

    private FieldChoice? Find(string part)
    {
        if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number >= 1 && number <= Choices.Count ? Choices[number - 1] : null;
        }

        var exact = Choices.FirstOrDefault(c => string.Equals(c.Title, part, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.Value, part, StringComparison.OrdinalIgnoreCase));
        if (exact is not null || part.Length < ShortestPrefix)
        {
            return exact;
        }

        var starts = Choices.Where(c => c.Title.StartsWith(part, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return starts.Count == 1 ? starts[0] : null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 39), "…");
}
