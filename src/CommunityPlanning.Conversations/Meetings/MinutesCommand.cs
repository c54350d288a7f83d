using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Meetings;

namespace CommunityPlanning.Conversations.Meetings;

/// <summary>
/// <c>minutes</c> shows the last meeting's minutes, <c>minutes list</c> the history (newest first), and
/// <c>minutes 3</c> the third in that list; the list's buttons show one too.
/// </summary>
public sealed partial class MinutesCommand(IMinutesLinks links) : ICommand, ICardActionHandler
{
    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public bool Handles(string verb) => verb is MeetingVerbs.ShowMinutes or MeetingVerbs.ListMinutes;

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(match);
        var all = context.State.MinutesNewestFirst();
        if (all.Count == 0)
        {
            context.Say("There are no minutes yet. They're written when a meeting ends: type \"meeting start\" at your next meeting.");
            return ValueTask.CompletedTask;
        }

        if (match.Groups["list"].Success)
        {
            context.Show(MinutesCards.List(context, all));
            return ValueTask.CompletedTask;
        }

        var n = match.Groups["n"].Success ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : 1;
        if (n < 1 || n > all.Count)
        {
            context.Say(string.Create(CultureInfo.InvariantCulture, $"There are minutes for {all.Count} meeting{(all.Count == 1 ? string.Empty : "s")}. Type \"minutes list\" to see them."));
            return ValueTask.CompletedTask;
        }

        context.Show(MinutesCards.Minutes(context, all[n - 1], links));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Submission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(submission);
        if (submission.Verb == MeetingVerbs.ListMinutes)
        {
            context.Show(MinutesCards.List(context, context.State.MinutesNewestFirst()));
            return ValueTask.CompletedTask;
        }

        var id = submission.Get(MeetingVerbs.MeetingKey);
        if (!MeetingIds.IsValid(id) || context.State.Find<MinutesRecord>(MinutesRecord.KeyFor(id!)) is not { } minutes)
        {
            context.Add(new Reply { Text = "I can't find those minutes. Type \"minutes list\" to see the meetings I have.", Mode = ReplyMode.Private });
            return ValueTask.CompletedTask;
        }

        context.Show(MinutesCards.Minutes(context, minutes, links));
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(
        @"^(?:(?<list>minutes list|list (?:of |the |all )?minutes|(?:all|past|old|previous) minutes|minutes history|meetings)|(?:show (?:the )?|last |latest |the )?minutes(?:\s+(?:of the last meeting|#?(?<n>\d{1,3})))?)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
