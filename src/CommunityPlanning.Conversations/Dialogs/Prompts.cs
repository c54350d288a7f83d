using System.Globalization;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Conversations.Dialogs;

/// <summary>A free-text answer with a length limit.</summary>
/// <param name="Id">The question's id.</param>
/// <param name="Question">The question.</param>
/// <param name="MaxLength">The longest answer accepted.</param>
public sealed record TextPrompt(string Id, string Question, int MaxLength) : Prompt(Id, Question)
{
    /// <summary>True when line breaks are kept; otherwise the answer becomes one line.</summary>
    public bool Multiline { get; init; }

    /// <inheritdoc />
    public override string HowToAnswer => $"Type your answer (up to {MaxLength.ToString(CultureInfo.InvariantCulture)} characters).";

    /// <inheritdoc />
    public override InputField Input(string inputId) =>
        new(inputId, Question, Multiline ? FieldType.MultilineText : FieldType.Text) { Help = Help, MaxLength = MaxLength };

    /// <inheritdoc />
    public override PromptAnswer Read(string text, PromptEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kept = new string(text.Where(c => !char.IsControl(c) || (Multiline && c == '\n')).ToArray());
        var clean = Multiline ? kept.Trim() : string.Join(' ', kept.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (clean.Length == 0)
        {
            return PromptAnswer.Reject("I didn't get an answer there.");
        }

        return clean.Length > MaxLength
            ? PromptAnswer.Reject($"That's {clean.Length.ToString(CultureInfo.InvariantCulture)} characters; this takes up to {MaxLength.ToString(CultureInfo.InvariantCulture)}. Please shorten it.")
            : PromptAnswer.Accept(clean);
    }
}

/// <summary>A number within limits.</summary>
/// <param name="Id">The question's id.</param>
/// <param name="Question">The question.</param>
/// <param name="Field">The field whose limits apply.</param>
public sealed record NumberPrompt(string Id, string Question, FieldDefinition Field) : Prompt(Id, Question)
{
    /// <inheritdoc />
    public override string HowToAnswer => (Field.Min, Field.Max) switch
    {
        ({ } min, { } max) => $"Type a {(Field.WholeNumber ? "whole " : string.Empty)}number from {min.ToString("#,##0.##", CultureInfo.InvariantCulture)} to {max.ToString("#,##0.##", CultureInfo.InvariantCulture)}.",
        _ => Field.WholeNumber ? "Type a whole number." : "Type a number.",
    };

    /// <inheritdoc />
    public override InputField Input(string inputId) => new(inputId, Question, FieldType.Number)
    {
        Help = Help is null ? HowToAnswer.Replace("Type a", "A", StringComparison.Ordinal) : Help + " " + HowToAnswer.Replace("Type a", "A", StringComparison.Ordinal),
        Min = Field.Min,
        Max = Field.Max,
        WholeNumber = Field.WholeNumber,
    };

    /// <inheritdoc />
    public override PromptAnswer Read(string text, PromptEnvironment environment)
    {
        var (value, error) = FormValidator.ValidateField(Field with { Required = true }, text);
        return error is null ? PromptAnswer.Accept(value!) : PromptAnswer.Reject(error);
    }
}

/// <summary>Yes or no.</summary>
/// <param name="Id">The question's id.</param>
/// <param name="Question">The question.</param>
public sealed record YesNoPrompt(string Id, string Question) : Prompt(Id, Question)
{
    private static readonly string[] Yes = ["yes", "y", "yeah", "yep", "yup", "ok", "okay", "sure", "true", "please", "yes please"];
    private static readonly string[] No = ["no", "n", "nope", "nah", "false", "not yet", "no thanks"];

    /// <inheritdoc />
    public override string HowToAnswer => "Type yes or no.";

    /// <inheritdoc />
    public override InputField Input(string inputId) => new(inputId, Question, FieldType.Choice)
    {
        Help = Help,
        Choices = [new InputChoice("yes", "Yes"), new InputChoice("no", "No")],
    };

    /// <inheritdoc />
    public override PromptAnswer Read(string text, PromptEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = text.Trim().TrimEnd('.', '!').ToLowerInvariant();
        return Yes.Contains(clean, StringComparer.Ordinal) ? PromptAnswer.Accept("true")
            : No.Contains(clean, StringComparer.Ordinal) ? PromptAnswer.Accept("false")
            : PromptAnswer.Reject($"I need a yes or a no, and \"{Shorten(clean)}\" isn't either.");
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 39), "…");
}

/// <summary>A date typed as people say it: "next Friday", "12/3", "12 March", "end of April".</summary>
/// <param name="Id">The question's id.</param>
/// <param name="Question">The question.</param>
public sealed record DatePrompt(string Id, string Question) : Prompt(Id, Question)
{
    /// <inheritdoc />
    public override string HowToAnswer => "Type a date, like 12 March, 12/3 or next Friday.";

    /// <inheritdoc />
    public override InputField Input(string inputId) => new(inputId, Question, FieldType.Date) { Help = Help };

    /// <inheritdoc />
    public override PromptAnswer ReadInput(string value, PromptEnvironment environment) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? PromptAnswer.Accept(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : Read(value, environment);

    /// <inheritdoc />
    public override PromptAnswer Read(string text, PromptEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(environment);
        var result = DatePhraseParser.Parse(text, environment.Today, environment.Dates);
        return result.Success
            ? PromptAnswer.Accept(result.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : PromptAnswer.Reject(result.FailureReason);
    }
}
