using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Dialogs;

/// <summary>
/// The question card's buttons. Only the person the question is for can use them; the card names the
/// question it asks, so a card answered meanwhile (by a typed reply, or on another device) moves on to the
/// question open now instead of saving to the wrong one. An answer that is not right is shown beside the
/// input on the same card.
/// </summary>
public sealed partial class DialogEngine
{
    /// <inheritdoc />
    public bool Handles(string verb) => verb is QuestionVerbs.Save or QuestionVerbs.Skip or QuestionVerbs.Stop;

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Submission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(submission);
        if (submission.Get(QuestionVerbs.ForKey) is { Length: > 0 } forId && !string.Equals(forId, context.Turn.From.Id, StringComparison.Ordinal))
        {
            var name = context.State.Find<MemberRecord>(MemberRecord.KeyFor(forId))?.Member.Name ?? "someone else";
            Whisper(context, $"That question is for {name}. To answer questions yourself, open a step and press \"Ask me the questions\".");
            return ValueTask.CompletedTask;
        }

        var dialog = Current(context);
        if (dialog is null || !_flows.TryGetValue(dialog.Flow, out var flow))
        {
            Whisper(context, "Those questions have finished, so there's nothing to save. Type \"where are we\" to see the step, or \"ask me the questions\" to start again.");
            return ValueTask.CompletedTask;
        }

        if (submission.Verb == QuestionVerbs.Stop)
        {
            context.State.Remove(dialog.Key);
            context.Show(QuestionCard.Closed("Questions stopped", Stopped), ReplyMode.ReplaceSource);
            return ValueTask.CompletedTask;
        }

        dialog = dialog with { SetAside = false };
        var prompt = flow.Next(context, dialog);
        if (prompt is null || !string.Equals(prompt.Id, dialog.PromptId, StringComparison.Ordinal)
            || !string.Equals(prompt.Id, submission.Get(QuestionVerbs.PromptKey), StringComparison.Ordinal))
        {
            Ask(context, flow, dialog, "That question has been answered meanwhile, so I haven't used this card's answer.", ReplyMode.ReplaceSource);
            return ValueTask.CompletedTask;
        }

        if (submission.Verb == QuestionVerbs.Skip)
        {
            if (!prompt.CanSkip)
            {
                context.Show(QuestionCard.Build(context, prompt, error: "This one is needed, so it can't be skipped."), ReplyMode.ReplaceSource);
                return ValueTask.CompletedTask;
            }

            var skipped = flow.Accept(context, dialog with { Skipped = [.. dialog.Skipped, prompt.Id] }, prompt, null);
            Ask(context, flow, skipped.State, skipped.Note ?? "Skipped for now.", ReplyMode.ReplaceSource);
            return ValueTask.CompletedTask;
        }

        var value = submission.Inputs.GetValueOrDefault(QuestionVerbs.AnswerInput) ?? string.Empty;
        var answer = string.IsNullOrWhiteSpace(value)
            ? PromptAnswer.Reject(prompt.CanSkip ? "Please give an answer, or press Skip to leave it for now." : "Please give an answer: this one is needed.")
            : prompt.ReadInput(value, Environment(context));
        var step = Apply(context, flow, dialog, prompt, answer);
        if (step.Error is not null)
        {
            context.Show(QuestionCard.Build(context, prompt, error: step.Error, value: value), ReplyMode.ReplaceSource);
            return ValueTask.CompletedTask;
        }

        Ask(context, flow, step.State, step.Note ?? "Saved.", ReplyMode.ReplaceSource);
        return ValueTask.CompletedTask;
    }

    private static void Whisper(TurnContext context, string text) =>
        context.Add(new Reply { Text = text, Mode = ReplyMode.Private });
}
