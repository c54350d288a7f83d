using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Journey;

namespace CommunityPlanning.Conversations.Dialogs;

/// <summary>
/// Runs question flows in the chat, one question at a time, per (group, member). Each question is a card
/// with its own input and Save / Skip / Stop buttons (<see cref="QuestionCard"/>); a typed reply answers it
/// too. Any command interrupts; a typed answer that is not right is asked again (three tries, then the
/// form is offered); "carry on" resumes, "cancel" stops, and a dialog left for a day is put aside with a note.
/// </summary>
public sealed partial class DialogEngine(IEnumerable<IDialogFlow> flows) : ICommand, IDialogContinuation, INotUnderstoodHint, ICardActionHandler
{
    /// <summary>Wrong answers allowed before the form is offered instead.</summary>
    public const int MaxTries = 3;

    private readonly Dictionary<string, IDialogFlow> _flows = flows.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <summary>Starts a flow for the person in this turn, replacing any they were part-way through.</summary>
    public void Start(TurnContext context, string flowName, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var flow = _flows[flowName];
        var dialog = new DialogState(context.Turn.From.Id, flow.Name, values, context.Now, context.Now);
        Ask(context, flow, dialog, null);
    }

    /// <summary>The dialog the person in this turn is part-way through, if any.</summary>
    public static DialogState? Current(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.State.Find<DialogState>(DialogState.KeyFor(context.Turn.From.Id));
    }

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(match);
        var dialog = Current(context);
        if (match.Groups["cancel"].Success)
        {
            if (dialog is null)
            {
                context.Say("There's nothing to cancel: I'm not asking you anything at the moment.");
                return ValueTask.CompletedTask;
            }

            context.State.Remove(dialog.Key);
            Tell(context, Stopped);
            return ValueTask.CompletedTask;
        }

        if (dialog is null || !_flows.TryGetValue(dialog.Flow, out var flow))
        {
            context.Say("There's nothing to carry on with. Type \"where are we\" to see the current step, or \"help\".");
            return ValueTask.CompletedTask;
        }

        Ask(context, flow, dialog with { SetAside = false, Tries = 0 }, "Let's carry on.");
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public string? HintFor(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Current(context) is { SetAside: true } dialog && _flows.TryGetValue(dialog.Flow, out var flow)
            ? $"You have {flow.Describe(context, dialog)} on hold: type \"carry on\" to continue them."
            : null;
    }

    /// <inheritdoc />
    public ValueTask<bool> TryContinueAsync(TurnContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dialog = Current(context);
        if (dialog is null)
        {
            return ValueTask.FromResult(false);
        }

        if (!_flows.TryGetValue(dialog.Flow, out var flow))
        {
            context.State.Remove(dialog.Key);
            return ValueTask.FromResult(false);
        }

        if (dialog.SetAside)
        {
            // Questions on hold don't take messages; "I didn't understand" mentions them (HintFor).
            return ValueTask.FromResult(false);
        }

        if (dialog.IsIdle(context.Now))
        {
            context.State.Put(dialog with { SetAside = true });
            Tell(context, $"We were part-way through {flow.Describe(context, dialog)}, but that was a while ago, so I've put it aside. Type \"carry on\" to pick it up again, or \"cancel\" to drop it.");
            return ValueTask.FromResult(true);
        }

        var text = MentionText.Clean(context.Turn.Text);
        if (!context.Turn.Addressed && Matcher().Match(CommandText.Clean(text)) is { Success: true } match && match.Groups["cancel"].Success)
        {
            // A plain reply reaches only the open question, so "stop" there stops it rather than being an answer.
            context.State.Remove(dialog.Key);
            Tell(context, Stopped);
            return ValueTask.FromResult(true);
        }

        Answer(context, flow, dialog, text);
        return ValueTask.FromResult(true);
    }

    private static void Answer(TurnContext context, IDialogFlow flow, DialogState dialog, string text)
    {
        var prompt = flow.Next(context, dialog);
        if (prompt is null || !string.Equals(prompt.Id, dialog.PromptId, StringComparison.Ordinal))
        {
            // Someone answered on a card meanwhile, or the plan changed: ask what is needed now.
            Ask(context, flow, dialog, "That question has been answered meanwhile, so I haven't used your reply.");
            return;
        }

        // Commands are matched on cleaned text; answers keep what was typed (a full stop, line breaks).
        if (string.Equals(CommandText.Clean(text), "skip", StringComparison.OrdinalIgnoreCase))
        {
            if (!prompt.CanSkip)
            {
                Tell(context, "This one is needed, so I can't skip it. Please answer it, or type cancel to stop.");
                return;
            }

            var skipped = flow.Accept(context, dialog with { Skipped = [.. dialog.Skipped, prompt.Id] }, prompt, null);
            Ask(context, flow, skipped.State, skipped.Note);
            return;
        }

        var step = Apply(context, flow, dialog, prompt, prompt.Read(text, Environment(context)));
        if (step.Error is null)
        {
            Ask(context, flow, step.State, step.Note);
            return;
        }

        var tries = step.State.Tries + 1;
        if (tries < MaxTries)
        {
            context.State.Put(step.State with { Tries = tries, UpdatedAt = context.Now });
            Tell(context, $"{step.Error}\n{prompt.HowToAnswer}");
            return;
        }

        // Three tries is enough: park the question and offer the form, where the fields show what they need.
        context.State.Put(step.State with { Tries = 0, SetAside = true, Skipped = [.. step.State.Skipped, prompt.Id], UpdatedAt = context.Now });
        Tell(context, $"{step.Error}\nLet's not go round in circles: you can fill this in on the form instead. Type \"carry on\" when you'd like the next question.");
        if (flow.Fallback(context, step.State, prompt) is { } card)
        {
            context.Show(card);
        }
    }

    private static void Ask(TurnContext context, IDialogFlow flow, DialogState dialog, string? note, ReplyMode mode = ReplyMode.New)
    {
        var prompt = flow.Next(context, dialog);
        if (prompt is null)
        {
            context.State.Remove(dialog.Key);
            if (mode == ReplyMode.ReplaceSource)
            {
                context.Show(QuestionCard.Closed("No more questions", note ?? "That's all I have to ask for now."), ReplyMode.ReplaceSource);
            }
            else if (note is not null)
            {
                Tell(context, note);
            }

            flow.Finish(context, dialog);
            return;
        }

        var tries = string.Equals(prompt.Id, dialog.PromptId, StringComparison.Ordinal) ? dialog.Tries : 0;
        context.State.Put(dialog with { PromptId = prompt.Id, Tries = tries, UpdatedAt = context.Now });
        var card = QuestionCard.Build(context, prompt, mode == ReplyMode.ReplaceSource ? note : null);
        context.Add(mode == ReplyMode.ReplaceSource
            ? new Reply { Card = card, Mode = ReplyMode.ReplaceSource }
            : new Reply { Text = MentionText.Token(0) + " " + (note is null ? "A question for you:" : note + "\nNext question:"), Mentions = [context.Turn.From], Card = card });
    }

    private static DialogStep Apply(TurnContext context, IDialogFlow flow, DialogState dialog, Prompt prompt, PromptAnswer answer) =>
        answer.IsValid ? flow.Accept(context, dialog, prompt, answer.Value) : new DialogStep(dialog, answer.Error);

    private const string Stopped = "OK, I've stopped asking. The answers you gave are saved. Type \"where are we\" to see the step.";

    private static void Tell(TurnContext context, string text) =>
        context.Add(new Reply { Text = MentionText.Token(0) + " " + text, Mentions = [context.Turn.From] });

    private static PromptEnvironment Environment(TurnContext context) =>
        new(DateOnly.FromDateTime(UkTime.ToLondon(context.Now).DateTime));

    [GeneratedRegex(@"^((carry on|continue|resume|go on|keep going)( please)?|(?<cancel>cancel|stop|stop asking|never ?mind|quit))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
