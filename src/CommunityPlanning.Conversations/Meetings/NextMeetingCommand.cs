using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Domain.Meetings;

namespace CommunityPlanning.Conversations.Meetings;

/// <summary>
/// <c>next meeting Tue 14 March 7pm</c> sets when the group next meets (which also answers "by the next
/// meeting" for actions); <c>next meeting</c> says when it is; <c>next meeting none</c> clears it.
/// </summary>
public sealed partial class NextMeetingCommand : ICommand
{
    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(match);
        var when = MeetingText.Clean(match.Groups["when"].Value);
        var current = context.State.NextMeetingAfter(context.Now);
        if (when is null)
        {
            context.Say(current is { } next
                ? $"The next meeting is {MeetingText.When(next)}. To change it, type \"next meeting\" and the new day and time."
                : $"No next meeting is set. Type \"{MeetingTimeParser.Example}\" to set one.");
            return ValueTask.CompletedTask;
        }

        if (Clear().IsMatch(when))
        {
            if (context.State.Find<MeetingSchedule>(MeetingSchedule.Kind) is not null)
            {
                context.State.Remove(MeetingSchedule.Kind);
            }

            context.Say("OK, no next meeting is set now.");
            return ValueTask.CompletedTask;
        }

        var parsed = MeetingTimeParser.Parse(when, context.Now);
        if (!parsed.Success)
        {
            context.Say(parsed.Problem);
            return ValueTask.CompletedTask;
        }

        context.State.Put(new MeetingSchedule(parsed.When.Value, context.Turn.From, context.Now));
        context.Say($"Next meeting: {MeetingText.When(parsed.When.Value)}. Actions due \"by the next meeting\" will be due that day.");
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(
        @"^(?:set (?:the )?)?next meeting(?:\s+(?:is|will be|on|at|to|for))?\s*[:\-–]?\s*(?<when>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();

    [GeneratedRegex(@"^(?:none|no|not set|clear|cancel|cancelled|tbc|unknown)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Clear();
}
