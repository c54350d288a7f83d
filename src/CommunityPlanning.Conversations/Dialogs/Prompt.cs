using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Domain.Dates;

namespace CommunityPlanning.Conversations.Dialogs;

/// <summary>What a prompt may need to read an answer: today's date in London and the group's dates.</summary>
/// <param name="Today">Today in London.</param>
/// <param name="Dates">Group facts for date phrases such as "next meeting".</param>
public sealed record PromptEnvironment(DateOnly Today, DatePhraseContext? Dates = null);

/// <summary>An answer read from what someone typed: the value to store, or why it was not right.</summary>
/// <param name="Value">The clean value (dates as yyyy-MM-dd, yes/no as "true"/"false").</param>
/// <param name="Error">A friendly message saying what to type instead.</param>
public readonly record struct PromptAnswer(string? Value, string? Error)
{
    /// <summary>True when the answer was right.</summary>
    public bool IsValid => Error is null;

    /// <summary>A right answer.</summary>
    public static PromptAnswer Accept(string value) => new(value, null);

    /// <summary>An answer that was not right, with what to do instead.</summary>
    public static PromptAnswer Reject(string error) => new(null, error);
}

/// <summary>
/// One question asked in the chat, and how to read the answer. Prompts are built fresh each turn from
/// the flow's state, so they hold no per-person data.
/// </summary>
/// <param name="Id">Stable id of the question within its flow (stored while waiting for the answer).</param>
/// <param name="Question">The question, in plain words.</param>
public abstract record Prompt(string Id, string Question)
{
    /// <summary>A line above the question saying what it is about ("Step 4 · Surveys").</summary>
    public string? Heading { get; init; }

    /// <summary>A hint shown under the question.</summary>
    public string? Help { get; init; }

    /// <summary>False when the question must be answered (typing "skip" is refused).</summary>
    public bool CanSkip { get; init; } = true;

    /// <summary>How to answer, e.g. "Type a number from 0 to 100."</summary>
    public abstract string HowToAnswer { get; }

    /// <summary>Reads what someone typed.</summary>
    public abstract PromptAnswer Read(string text, PromptEnvironment environment);

    /// <summary>The input a question card shows for this question; its value comes back to <see cref="ReadInput"/>.</summary>
    public abstract InputField Input(string inputId);

    /// <summary>Reads the value of the question card's input (by default, as if it had been typed).</summary>
    public virtual PromptAnswer ReadInput(string value, PromptEnvironment environment) => Read(value, environment);
}
