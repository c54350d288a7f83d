using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Meetings;

namespace CommunityPlanning.Conversations.Meetings;

/// <summary>
/// <c>meeting start</c>, <c>meeting end</c> and <c>meeting</c> (show the card), and the same from Teams
/// meeting events. Starting posts one shared card; ending stores and posts the minutes.
/// </summary>
public sealed partial class MeetingCommand(IMinutesLinks links) : ICommand, IConversationEventHandler
{
    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public bool Handles(TurnKind kind) => kind is TurnKind.MeetingStarted or TurnKind.MeetingEnded;

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(match);
        if (match.Groups["start"].Success)
        {
            Start(context, fromEvent: false);
        }
        else if (match.Groups["end"].Success)
        {
            End(context, fromEvent: false);
        }
        else if (context.State.OpenMeeting() is { } meeting)
        {
            MeetingCard.Post(context, meeting, null);
        }
        else
        {
            context.Say(MeetingText.NoMeetingOpen);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Turn.Kind == TurnKind.MeetingStarted)
        {
            Start(context, fromEvent: true);
        }
        else
        {
            End(context, fromEvent: true);
        }

        return ValueTask.CompletedTask;
    }

    private static void Start(TurnContext context, bool fromEvent)
    {
        // A calendar event is not a request: a group that hasn't started its plan, or already has a meeting open, hears nothing.
        if (context.Plan is null)
        {
            if (!fromEvent)
            {
                context.Say(Messages.NoPlanYet);
            }

            return;
        }

        if (context.State.OpenMeeting() is { } open)
        {
            if (!fromEvent)
            {
                MeetingCard.Post(context, open, "A meeting is already open \u2014 here it is.");
            }

            return;
        }

        var meeting = MeetingLifecycle.Start(context.State, context.Turn.From, context.Now, markPresent: !fromEvent);
        MeetingCard.Post(
            context,
            meeting,
            fromEvent
                ? "The meeting has started. Press \"I'm here\" as you join, and tick items as you go."
                : "Meeting started. Press \"I'm here\" as you arrive, and tick items as you go.");
    }

    private void End(TurnContext context, bool fromEvent)
    {
        if (context.State.OpenMeeting() is not { } meeting)
        {
            if (!fromEvent)
            {
                context.Say("No meeting is open, so there's nothing to end. Type \"minutes\" to see the last minutes.");
            }

            return;
        }

        if (!fromEvent && MeetingAccess.EndRefusal(context, meeting) is { } refusal)
        {
            context.Say(refusal);
            return;
        }

        var minutes = MeetingLifecycle.Close(context.State, meeting, context.Turn.From, context.Now);
        MeetingCard.UpdateAnchored(context, context.State.Find<MeetingRecord>(MeetingRecord.KeyFor(meeting.Id))!);
        var text = fromEvent
            ? "The Teams meeting has ended, so I've closed ours. Here are the minutes."
            : $"Meeting ended by {context.Turn.From.Name}. Here are the minutes.";
        context.Add(new Reply { Text = text, Card = MinutesCards.Minutes(context, minutes, links) });
    }

    /// <summary>Ends the meeting from its card: the card shows it ended, and the minutes follow as a new message.</summary>
    internal void EndFromCard(TurnContext context, MeetingRecord meeting)
    {
        var minutes = MeetingLifecycle.Close(context.State, meeting, context.Turn.From, context.Now);
        var closed = context.State.Find<MeetingRecord>(MeetingRecord.KeyFor(meeting.Id))!;
        context.Show(MeetingCard.Build(context, closed), ReplyMode.ReplaceSource);
        context.Add(new Reply { Text = $"Meeting ended by {context.Turn.From.Name}. Here are the minutes.", Card = MinutesCards.Minutes(context, minutes, links) });
    }

    [GeneratedRegex(
        @"^(?:(?<start>(?:start|open|begin)(?: the| a| our)? meeting|meeting (?:start|starts|begin|begins|open))|(?<end>(?:end|close|finish)(?: the| this| our)? meeting|meeting (?:end|ends|close|closed|over|finished))|(?<show>meeting|meeting card|show (?:the )?meeting(?: card)?))$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
