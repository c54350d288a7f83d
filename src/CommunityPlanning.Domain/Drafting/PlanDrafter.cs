using System.Globalization;
using System.Text;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Domain.Steps;
using CommunityPlanning.Domain.Surveys;

namespace CommunityPlanning.Domain.Drafting;

/// <summary>
/// The bot's first draft of each section of the plan, written from what the group recorded in the steps'
/// forms, its scores and its actions. Pure: the same state gives the same text. Every draft fits in
/// <see cref="PlanSections.MaxTextLength"/>; a long list ends with how many more there are.
/// </summary>
public static class PlanDrafter
{
    /// <summary>The draft of one section (see <see cref="PlanSections"/>).</summary>
    public static string Draft(string section, GroupState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var plan = state.Find<PlanRecord>(PlanRecord.Kind);
        var community = plan?.CommunityName ?? "our community";
        var text = section switch
        {
            PlanSections.Community => AboutCommunity(state, community, plan?.PlanType),
            PlanSections.Consultation => HowWeAsked(state),
            PlanSections.Findings => WhatPeopleSaid(state),
            PlanSections.Vision => VisionAndPriorities(state),
            PlanSections.Actions => ActionPlan(state),
            PlanSections.Monitoring => Monitoring(state),
            PlanSections.Thanks => Thanks(state, community),
            _ => throw new ArgumentOutOfRangeException(nameof(section), section, "Not a section of the plan."),
        };
        return Fit(text);
    }

    private static string AboutCommunity(GroupState state, string community, PlanType? type)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"This is the {(type is { } t ? t.Title() : "community plan")} for {community}.");
        var facts = StepForms.Rows(state, 3, "profile").Select(r =>
        {
            var source = string.Join(", ", new[] { r.Values.GetValueOrDefault("source"), r.Values.GetValueOrDefault("year") }.Where(s => !string.IsNullOrWhiteSpace(s)));
            return $"• {r.Values.GetValueOrDefault("indicator")}: {r.Values.GetValueOrDefault("value")}{(source.Length > 0 ? $" ({source})" : string.Empty)}";
        }).ToList();
        if (facts.Count == 0)
        {
            text.Append(" Say here who lives in the community and what the place is like. Step 3's Community profile form holds the facts to start from: fill it in, then draft the plan again.");
            return text.ToString();
        }

        text.Append("\nSome facts about our community:");
        return List(text, facts, "more facts in step 3's Community profile");
    }

    private static string HowWeAsked(GroupState state)
    {
        var step = StepCatalogue.Get(4);
        var events = StepForms.Rows(state, 4, "events");
        var surveys = StepForms.Rows(state, 4, "surveys");
        if (events.Count == 0 && surveys.Count == 0)
        {
            return "Say here how you asked people what they think: events, surveys and talks with groups. Step 4's Consultation events and Surveys forms hold the details: fill them in, then draft the plan again.";
        }

        var dates = events.Select(e => Computations.Date(e.Values, "date"))
            .Concat(surveys.SelectMany(s => new[] { Computations.Date(s.Values, "opens"), Computations.Date(s.Values, "closes") }))
            .Where(d => d.HasValue).Select(d => d!.Value).Order().ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"We asked people what they think in {Count(events.Count + surveys.Count, "way")}");
        text.Append(dates.Count > 1 ? $", from {UkDateFormat.Day(dates[0])} to {UkDateFormat.Day(dates[^1])}." : dates.Count == 1 ? $", on {UkDateFormat.Day(dates[0])}." : ".");
        var lines = new List<string>();
        var eventsForm = step.Forms.First(f => f.Id == "events");
        foreach (var e in events)
        {
            var v = e.Values;
            var parts = new List<string>();
            if (v.TryGetValue("method", out var method))
            {
                parts.Add(FieldDisplay.Show(eventsForm.Field("method")!, method));
            }

            if (Computations.Date(v, "date") is { } day)
            {
                parts.Add(UkDateFormat.Day(day));
            }

            var came = Computations.Number(v, "attendance") is { } n ? $": {Count((int)n, "person", "people")} came" : string.Empty;
            lines.Add($"• {v.GetValueOrDefault("name")}{(parts.Count > 0 ? $" ({string.Join(", ", parts)})" : string.Empty)}{came}");
        }

        var surveysForm = step.Forms.First(f => f.Id == "surveys");
        foreach (var s in surveys)
        {
            var v = s.Values;
            var audience = v.TryGetValue("audience", out var a) ? $" for {FieldDisplay.Show(surveysForm.Field("audience")!, a).ToLowerInvariant()}" : string.Empty;
            var returned = Computations.Number(v, "returned");
            var handedOut = Computations.Number(v, "distributed");
            var back = returned is { } r && handedOut is { } d
                ? string.Create(CultureInfo.InvariantCulture, $": {r:0} of {d:0} came back{(Computations.ResponseRate(r, d) is { } rate ? $" ({Computations.Percent(rate)})" : string.Empty)}")
                : returned is { } only ? string.Create(CultureInfo.InvariantCulture, $": {only:0} came back") : string.Empty;
            lines.Add($"• {v.GetValueOrDefault("name")}{audience}{back}");
        }

        var totalReturned = Computations.Sum(surveys.Select(s => s.Values), "returned");
        var totalOut = Computations.Sum(surveys.Select(s => s.Values), "distributed");
        var ending = Computations.ResponseRate(totalReturned, totalOut) is { } overall
            ? string.Create(CultureInfo.InvariantCulture, $"\nOverall, {totalReturned:0} of {totalOut:0} surveys came back: a response rate of {Computations.Percent(overall)}.")
            : string.Empty;
        var feedback = StepForms.Single(state, 4, "feedback") is { } fb && Computations.Date(fb.Values, "date") is { } fbDay
            ? $"\nWe told people what we found at a feedback event on {UkDateFormat.Day(fbDay)}."
            : string.Empty;
        text.Append('\n');
        return List(text, lines, "more in step 4's forms", ending + feedback);
    }

    private static string WhatPeopleSaid(GroupState state)
    {
        var issues = StepForms.Rows(state, 4, PriorityIssues.EvidenceForm).Concat(StepForms.Rows(state, 5, PriorityIssues.ExtraForm)).ToList();
        var survey = state.Find<SurveyResults>(SurveyResults.Kind);
        if (issues.Count == 0)
        {
            return survey is null
                ? "Say here what people told you, theme by theme. Step 4's Issues raised form holds the issues and how much support each had: fill it in, then draft the plan again."
                : List(new StringBuilder(), SurveyLines(survey), "the survey results (type \"survey results\")");
        }

        var themes = StepCatalogue.Get(4).Forms.First(f => f.Id == "issues").Field("theme")!;
        var order = themes.Choices.Select((c, i) => (c.Value, i)).ToDictionary(p => p.Value, p => p.i, StringComparer.Ordinal);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"People raised {Count(issues.Count, "issue")}. Here they are by theme, with how many people supported each.");
        var lines = new List<string>();
        foreach (var theme in issues.GroupBy(i => i.Values.GetValueOrDefault("theme") ?? string.Empty).OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue)))
        {
            lines.Add((theme.Key.Length == 0 ? "Other issues" : FieldDisplay.Show(themes, theme.Key)) + ":");
            foreach (var issue in theme.OrderByDescending(i => Computations.Number(i.Values, "support") ?? -1))
            {
                var figures = new List<string>();
                if (Computations.Number(issue.Values, "support") is { } support)
                {
                    figures.Add($"{Computations.Percent(support)} supported it");
                }

                if (Computations.Number(issue.Values, "mentions") is { } mentions)
                {
                    figures.Add(Count((int)mentions, "mention"));
                }

                lines.Add($"• {issue.Values.GetValueOrDefault("issue")}{(figures.Count > 0 ? $" ({string.Join(", ", figures)})" : string.Empty)}");
            }
        }

        if (survey is not null)
        {
            lines.AddRange(SurveyLines(survey));
        }

        text.Append('\n');
        return List(text, lines, "more issues in step 4's Issues raised form and the survey results");
    }

    // The imported survey's totals: for each choice question, its three most given answers with their share.
    private static List<string> SurveyLines(SurveyResults survey)
    {
        var lines = new List<string> { $"Our survey: {Count(survey.Respondents, "person", "people")} answered." };
        foreach (var question in survey.Questions.Where(q => q.Counts.Count > 0 && q.Answered > 0))
        {
            var top = question.Counts.Take(3).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Answer} {c.Percent}%"));
            lines.Add($"• {question.Heading}: {string.Join(", ", top)} (of {Count(question.Answered, "answer")})");
        }

        return lines;
    }

    private static string VisionAndPriorities(GroupState state)
    {
        var text = new StringBuilder();
        var vision = StepForms.Single(state, 5, "vision")?.Values.GetValueOrDefault("vision");
        text.Append(vision ?? "Write your vision here: a few sentences about the community you want to be in 10 years. Step 5's Vision form keeps it.");
        var ranked = PriorityRanking.Rank(PriorityIssues.From(state), state.WithPrefix<PriorityScore>(PriorityScore.Prefix));
        if (ranked.Count == 0)
        {
            return text.ToString();
        }

        if (ranked.All(r => r.Scorers == 0))
        {
            text.Append("\nThe group has not scored the issues yet: type \"score\" to score them, then draft the plan again.");
            return text.ToString();
        }

        var scorers = ranked.Max(r => r.Scorers);
        text.Append(CultureInfo.InvariantCulture, $"\nOur priorities, as {Count(scorers, "member")} of the steering group ranked them (importance, urgency and how doable, out of 15):");
        var lines = ranked.Where(r => r.Scorers > 0)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Rank}. {r.Issue.Title} ({r.Total:0.#})"))
            .ToList();
        return List(text, lines, "more in the ranking (type \"ranking\")");
    }

    private static string ActionPlan(GroupState state)
    {
        var actions = state.WithPrefix<ActionItem>(ActionItem.Prefix).ToList();
        if (actions.Count == 0)
        {
            return "The table below will list the plan's actions. There are none yet: add them in step 5's Action plan form, or type \"action @Sam …\".";
        }

        var led = actions.Count(a => a.Owner is not null || !string.IsNullOrWhiteSpace(a.Plan?.Lead));
        return $"The table below lists the {Count(actions.Count, "action")} in our plan: what will be done, who leads it, partners, when, cost, funding and priority. {Count(led, "action")} {(led == 1 ? "has" : "have")} a named lead.";
    }

    private static string Monitoring(GroupState state)
    {
        var text = new StringBuilder("The steering group will check progress on each action at a meeting about every three months, and rate it red, amber or green.");
        var meetings = StepForms.Rows(state, 8, "monitoring").Select(r => Computations.Date(r.Values, "date")).Where(d => d.HasValue).Select(d => d!.Value).Order().ToList();
        if (meetings.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" So far we have held {Count(meetings.Count, "progress meeting")}, the latest on {UkDateFormat.Day(meetings[^1])}.");
        }

        var channelsField = StepCatalogue.Get(8).Forms.First(f => f.Id == "community-updates").Field("channel")!;
        var channels = StepForms.Rows(state, 8, "community-updates").Select(r => r.Values.GetValueOrDefault("channel")).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(c => FieldDisplay.Show(channelsField, c).ToLowerInvariant()).ToList();
        text.Append("\nWe will tell the community how the plan is going at least every six months");
        text.Append(channels.Count > 0 ? $", through {string.Join(", ", channels)}." : ".");
        text.Append("\nWe will report to the parish council and to the Annual Parish Meeting each year.");
        var review = StepForms.Single(state, 9, "review");
        text.Append(review is not null && Computations.Date(review.Values, "nextReview") is { } next
            ? $"\nWe will review the whole plan by {UkDateFormat.Day(next)}: what got done, what has changed, and what comes next."
            : "\nWe will review the whole plan after four or five years: what got done, what has changed, and what comes next.");
        return text.ToString();
    }

    private static string Thanks(GroupState state, string community)
    {
        var members = state.OfType<MemberRecord>().Where(m => m.Active).OrderBy(m => m.Role == MemberRole.Member ? int.MaxValue : (int)m.Role).ThenBy(m => m.Member.Name, StringComparer.OrdinalIgnoreCase).Select(m => m.Member.Name).ToList();
        var text = new StringBuilder($"Thank you to everyone in {community} who helped make this plan");
        var came = Computations.Sum(StepForms.Rows(state, 4, "events").Select(r => r.Values), "attendance");
        var returned = Computations.Sum(StepForms.Rows(state, 4, "surveys").Select(r => r.Values), "returned");
        var parts = new List<string>();
        if (came is { } c && c > 0)
        {
            parts.Add($"the {Count((int)c, "person", "people")} who came to our events");
        }

        if (returned is { } r && r > 0)
        {
            parts.Add($"the {Count((int)r, "person", "people")} who filled in a survey");
        }

        text.Append(parts.Count > 0 ? $", especially {string.Join(" and ", parts)}." : ".");
        var partners = StepForms.Rows(state, 3, "stakeholders").Select(s => s.Values.GetValueOrDefault("organisation")).OfType<string>().Take(12).ToList();
        if (partners.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nThank you too to our partners: {string.Join(", ", partners)}.");
        }

        if (members.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nThe steering group: {string.Join(", ", members.Take(40))}.");
        }

        return text.ToString();
    }

    // Lines under an opening, one per line, as long as they fit; then how many more there are, and the ending.
    private static string List(StringBuilder text, IReadOnlyList<string> lines, string moreWhere, string ending = "")
    {
        var room = PlanSections.MaxTextLength - ending.Length - 80;
        var shown = 0;
        foreach (var line in lines)
        {
            if (text.Length + line.Length + 3 > room)
            {
                break;
            }

            text.Append(text.Length > 0 && text[^1] != '\n' ? "\n" : string.Empty).Append(line);
            shown++;
        }

        if (shown < lines.Count)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n…and {lines.Count - shown} more: see {moreWhere}.");
        }

        return text.Append(ending).ToString();
    }

    private static string Fit(string text) =>
        text.Length <= PlanSections.MaxTextLength ? text : string.Concat(text.AsSpan(0, PlanSections.MaxTextLength - 1), "…");

    private static string Count(int n, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:#,##0} {(n == 1 ? one : many ?? one + "s")}");
}
