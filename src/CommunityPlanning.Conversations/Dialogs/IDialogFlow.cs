using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Domain.Journey;

namespace CommunityPlanning.Conversations.Dialogs;

/// <summary>The result of handing an answer to a flow.</summary>
/// <param name="State">The dialog's new state (values, skipped questions).</param>
/// <param name="Error">When set, the answer was refused with this message and the question is asked again.</param>
/// <param name="Note">A line to say before the next question ("Saved the survey.").</param>
public sealed record DialogStep(DialogState State, string? Error = null, string? Note = null);

/// <summary>
/// A waterfall of questions: the engine asks <see cref="Next"/>, reads the answer with the prompt, and
/// hands it to <see cref="Accept"/>. Flows work out the next question from stored state each time, so
/// an answer given on a card meanwhile is never asked again.
/// </summary>
public interface IDialogFlow
{
    /// <summary>The flow's stable name, stored in <see cref="DialogState.Flow"/>.</summary>
    string Name { get; }

    /// <summary>What the questions are about, for "We were part-way through …".</summary>
    string Describe(TurnContext context, DialogState dialog);

    /// <summary>The next question, or null when there is nothing more to ask.</summary>
    Prompt? Next(TurnContext context, DialogState dialog);

    /// <summary>Stores an answer (null when the person skipped the question).</summary>
    DialogStep Accept(TurnContext context, DialogState dialog, Prompt prompt, string? value);

    /// <summary>Called once when there is nothing more to ask.</summary>
    void Finish(TurnContext context, DialogState dialog);

    /// <summary>A card to offer when someone could not answer in three tries, or null.</summary>
    Card? Fallback(TurnContext context, DialogState dialog, Prompt prompt);
}
