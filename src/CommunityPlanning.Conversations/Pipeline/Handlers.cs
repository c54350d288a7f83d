using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Turns;

namespace CommunityPlanning.Conversations.Pipeline;

/// <summary>A command people type, such as <c>progress</c> or <c>step 4</c>.</summary>
public interface ICommand
{
    /// <summary>
    /// Matched against the whole cleaned message (bot mention and <c>/plan</c> removed, spaces
    /// collapsed, trailing punctuation dropped). Build it once; it should ignore case.
    /// </summary>
    Regex Pattern { get; }

    /// <summary>Runs the command.</summary>
    ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default);
}

/// <summary>Handles card actions by verb.</summary>
public interface ICardActionHandler
{
    /// <summary>True when this handler owns the verb.</summary>
    bool Handles(string verb);

    /// <summary>Handles the action.</summary>
    ValueTask RunAsync(TurnContext context, Submission submission, CancellationToken cancellationToken = default);
}

/// <summary>Handles conversation events (bot added, members joining or leaving, meetings).</summary>
public interface IConversationEventHandler
{
    /// <summary>True when this handler reacts to the kind of turn.</summary>
    bool Handles(TurnKind kind);

    /// <summary>Handles the event. Every handler that handles the kind runs, in registration order.</summary>
    ValueTask RunAsync(TurnContext context, CancellationToken cancellationToken = default);
}

/// <summary>
/// Adds a line to "I didn't understand" when no command, prompt or card took a message — for example,
/// that the person has questions on hold. It never takes the message itself.
/// </summary>
public interface INotUnderstoodHint
{
    /// <summary>The extra line for this person, or null.</summary>
    string? HintFor(TurnContext context);
}

/// <summary>
/// Continues a conversation someone is part-way through (a prompt waiting for an answer). Asked only
/// when a message matches no command, so any command interrupts.
/// </summary>
public interface IDialogContinuation
{
    /// <summary>Returns true when the message was an answer to an open prompt and has been handled.</summary>
    ValueTask<bool> TryContinueAsync(TurnContext context, CancellationToken cancellationToken = default);
}
