using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Journey;

/// <summary>
/// Step 5's scoring: <c>score</c> offers each member their own card (importance, urgency and feasibility
/// 1–5 per issue); <c>scores</c> shows who has scored; the chair types <c>close scoring</c> to reveal the
/// ranking (and <c>open scoring</c> to reopen it); <c>ranking</c> shows it again.
/// </summary>
public sealed partial class ScoringFeature : ICommand, ICardActionHandler
{
    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public bool Handles(string verb) => verb is JourneyVerbs.OpenScoring or JourneyVerbs.SaveScores;

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(match);
        if (context.Plan is null)
        {
            context.Say(Messages.NoPlanYet);
            return ValueTask.CompletedTask;
        }

        var issues = PriorityIssues.From(context.State);
        var scoring = context.State.Find<ScoringRecord>(ScoringRecord.Kind);
        if (match.Groups["close"].Success || match.Groups["open"].Success)
        {
            OpenOrClose(context, issues, scoring, close: match.Groups["close"].Success);
        }
        else if (match.Groups["status"].Success)
        {
            context.Say(Status(context, issues, scoring));
        }
        else if (match.Groups["ranking"].Success)
        {
            if (scoring is { Closed: true })
            {
                context.Show(ScoringCards.Ranking(context, PriorityRanking.Rank(issues, context.State.WithPrefix<PriorityScore>(PriorityScore.Prefix)), scoring));
            }
            else
            {
                context.Say("The ranking is shown when the chair closes scoring (\"close scoring\"). " + Status(context, issues, scoring));
            }
        }
        else if (issues.Count == 0)
        {
            context.Say("There are no issues to score yet. Add them in step 4's \"Issues raised\" form, or step 5's \"More issues to score\".");
        }
        else if (scoring is { Closed: true })
        {
            context.Say("Scoring is closed. Type \"ranking\" to see the result. The chair can reopen it with \"open scoring\".");
        }
        else
        {
            context.Show(new Card
            {
                Title = "Score the issues",
                Blocks =
                [
                    new TextBlock($"Everyone scores each issue for importance, urgency and how doable it is, from 1 to 5. {Status(context, issues, scoring)}"),
                    new TextBlock("Press the button to see your own scores. Only you see them.", TextTone.Subtle),
                ],
                Actions = [new CardAction("Score the issues", JourneyVerbs.OpenScoring, context.Data((JourneyVerbs.PageKey, "0"))) { Style = ActionStyle.Positive }],
            });
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Submission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(submission);
        var issues = PriorityIssues.From(context.State);
        if (context.Plan is null || issues.Count == 0)
        {
            JourneyData.Whisper(context, "There are no issues to score yet. Add them in step 4's \"Issues raised\" form.");
            return ValueTask.CompletedTask;
        }

        if (context.State.Find<ScoringRecord>(ScoringRecord.Kind) is { Closed: true })
        {
            JourneyData.Whisper(context, "Scoring has closed, so I can't change scores now. Type \"ranking\" to see the result.");
            return ValueTask.CompletedTask;
        }

        var page = int.TryParse(submission.Get(JourneyVerbs.PageKey), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
        if (submission.Verb == JourneyVerbs.OpenScoring)
        {
            context.Add(new Reply { Card = ScoringCards.Mine(context, issues, page), Mode = ReplyMode.Private });
            return ValueTask.CompletedTask;
        }

        Save(context, submission, issues, page);
        return ValueTask.CompletedTask;
    }

    private static void Save(TurnContext context, Submission submission, IReadOnlyList<PriorityIssue> issues, int page)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var scores = new List<PriorityScore>();
        var missing = 0;
        var byInput = issues.ToDictionary(i => ScoringCards.InputId(ScoringCards.Kinds[0].Prefix, i), StringComparer.Ordinal);
        foreach (var (inputId, issue) in PostedIssues(submission, byInput, ref missing))
        {
            var values = ScoringCards.Kinds.Select(k => (k.Prefix, Id: ScoringCards.InputId(k.Prefix, issue), Text: submission.Inputs.GetValueOrDefault(ScoringCards.InputId(k.Prefix, issue))?.Trim())).ToList();
            if (values.All(v => string.IsNullOrEmpty(v.Text)))
            {
                continue;
            }

            var numbers = new int[3];
            for (var i = 0; i < values.Count; i++)
            {
                if (!int.TryParse(values[i].Text, NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]) || !PriorityScore.IsValid(numbers[i]))
                {
                    errors[values[i].Id] = string.IsNullOrEmpty(values[i].Text) ? "Please give all three scores, or none." : "Please pick a score from 1 to 5.";
                }
            }

            scores.Add(new PriorityScore(issue.Step, issue.RowId, context.Turn.From, numbers[0], numbers[1], numbers[2], context.Now));
        }

        if (errors.Count > 0)
        {
            context.Add(new Reply { Card = ScoringCards.Mine(context, issues, page, submission.Inputs, errors), Mode = ReplyMode.Private });
            return;
        }

        var changed = 0;
        foreach (var score in scores)
        {
            var stored = context.State.Find<PriorityScore>(score.Key);
            if (stored is null || (stored.Importance, stored.Urgency, stored.Feasibility) != (score.Importance, score.Urgency, score.Feasibility))
            {
                context.State.Put(score);
                changed++;
            }
        }

        var note = changed == 1 ? "Saved your scores for 1 issue." : $"Saved your scores for {changed.ToString(CultureInfo.InvariantCulture)} issues.";
        if (missing > 0)
        {
            note += " Some issues were removed meanwhile, so their scores were not kept.";
        }

        context.Add(new Reply { Card = ScoringCards.Mine(context, issues, page, note: note), Mode = ReplyMode.Private });
    }

    // The issues a submitted card held, found by their inputs so a list that changed meanwhile still lines up.
    private static List<(string InputId, PriorityIssue Issue)> PostedIssues(Submission submission, Dictionary<string, PriorityIssue> byInput, ref int missing)
    {
        var posted = new List<(string, PriorityIssue)>();
        foreach (var key in submission.Inputs.Keys.Where(k => k.StartsWith(ScoringCards.Kinds[0].Prefix + ".", StringComparison.Ordinal)))
        {
            if (byInput.TryGetValue(key, out var issue))
            {
                posted.Add((key, issue));
            }
            else if (!string.IsNullOrWhiteSpace(submission.Inputs[key]))
            {
                missing++;
            }
        }

        return posted;
    }

    private static void OpenOrClose(TurnContext context, IReadOnlyList<PriorityIssue> issues, ScoringRecord? scoring, bool close)
    {
        var member = context.State.Find<MemberRecord>(MemberRecord.KeyFor(context.Turn.From.Id));
        if (member is null || !RoleNames.IsChair(member.Role))
        {
            context.Say($"Only the chair can {(close ? "close" : "open")} scoring. Ask {RolesFeature.Holders(context, RoleNames.IsChair)}.");
            return;
        }

        if ((scoring?.Closed ?? false) == close)
        {
            context.Say(close ? "Scoring is already closed. Type \"ranking\" to see it." : "Scoring is already open. Type \"score\" to score the issues.");
            return;
        }

        var record = new ScoringRecord(close) { ChangedBy = context.Turn.From, ChangedAt = context.Now };
        context.State.Put(record);
        if (!close)
        {
            context.Say("Scoring is open again. Type \"score\" to change your scores.");
            return;
        }

        context.Say("Scoring is closed. Here is the group's ranking.");
        context.Show(ScoringCards.Ranking(context, PriorityRanking.Rank(issues, context.State.WithPrefix<PriorityScore>(PriorityScore.Prefix)), record));
    }

    private static string Status(TurnContext context, IReadOnlyList<PriorityIssue> issues, ScoringRecord? scoring)
    {
        var live = issues.Select(i => (i.Step, i.RowId)).ToHashSet();
        var byMember = context.State.WithPrefix<PriorityScore>(PriorityScore.Prefix)
            .Where(s => live.Contains((s.Step, s.IssueRowId)))
            .GroupBy(s => s.Member.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var members = RolesFeature.Members(context);
        var finished = members.Count(m => byMember.GetValueOrDefault(m.Member.Id) >= issues.Count);
        var started = members.Count(m => byMember.ContainsKey(m.Member.Id));
        var state = scoring is { Closed: true } ? "Scoring is closed." : "Scoring is open.";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{state} {issues.Count} issues; {finished} of {members.Count} members have scored them all{(started > finished ? $", {started - finished} part-way" : string.Empty)}.");
    }

    [GeneratedRegex(
        @"^((?<close>close|end|finish) (the )?(scoring|voting)|(?<open>open|re-?open|start) (the )?(scoring|voting)|(?<status>scores|who has scored|scoring status)|(?<ranking>ranking|show (the )?ranking|priorities|ranked issues)|score|score (the )?issues|scoring|vote)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
