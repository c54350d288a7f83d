using System.Globalization;
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

    /// <inheritdoc />
    public override string HowToAnswer => Multiple
        ? "Type the numbers or names, separated by commas."
        : "Type the number or the name.";

    /// <inheritdoc />
    public override string Render()
    {
        var numbered = Choices.Select((c, i) => $"{(i + 1).ToString(CultureInfo.InvariantCulture)}. {c.Title}");
        var text = base.Render();
        var at = text.LastIndexOf('\n');
        return at < 0
            ? text + "\n" + string.Join('\n', numbered)
            : string.Concat(text.AsSpan(0, at), "\n", string.Join('\n', numbered), text.AsSpan(at));
    }

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
                return PromptAnswer.Reject($"\"{Shorten(part)}\" isn't one of the choices. Please pick a number from 1 to {Choices.Count.ToString(CultureInfo.InvariantCulture)}.");
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
