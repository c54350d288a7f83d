using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;

namespace CommunityPlanning.Conversations.Dialogs;

/// <summary>
/// One question as a card with its own input and Save / Skip / Stop buttons, so it can be answered on the
/// card whatever the channel delivers; a plain reply in the chat works too. The card carries only the
/// group, the question's id and the person's id: the server checks all three against the person's dialog.
/// </summary>
internal static class QuestionCard
{
    /// <summary>The question card for the person in this turn.</summary>
    public static Card Build(TurnContext context, Prompt prompt, string? note = null, string? error = null, string? value = null)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Submission.GroupKey] = context.State.GroupId,
            [QuestionVerbs.PromptKey] = prompt.Id,
            [QuestionVerbs.ForKey] = context.Turn.From.Id,
        };
        var blocks = new List<CardBlock>();
        if (note is not null)
        {
            blocks.Add(new TextBlock(note));
        }

        blocks.Add(new InputBlock(prompt.Input(QuestionVerbs.AnswerInput) with { Value = value, Error = error }));
        blocks.Add(new TextBlock(
            prompt.CanSkip
                ? "Press Save, or reply in the chat with your answer. Skip leaves this one for now; Stop ends the questions."
                : "Press Save, or reply in the chat with your answer. This one is needed; Stop ends the questions.",
            TextTone.Subtle));
        List<CardAction> actions = [new CardAction("Save", QuestionVerbs.Save, data) { Style = ActionStyle.Positive, SubmitsInputs = true }];
        if (prompt.CanSkip)
        {
            actions.Add(new CardAction("Skip", QuestionVerbs.Skip, data));
        }

        actions.Add(new CardAction("Stop", QuestionVerbs.Stop, data));
        return new Card
        {
            Title = prompt.Heading ?? "A question for you",
            Subtitle = $"For {context.Turn.From.Name}",
            Blocks = blocks,
            Actions = actions,
            InputsInMessage = true,
        };
    }

    /// <summary>The card a question card becomes when the questions end (stopped, or nothing more to ask).</summary>
    public static Card Closed(string title, string text) => new() { Title = title, Blocks = [new TextBlock(text)] };
}
