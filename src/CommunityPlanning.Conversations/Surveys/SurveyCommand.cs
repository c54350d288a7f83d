using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Actions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Journey;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Surveys;

namespace CommunityPlanning.Conversations.Surveys;

/// <summary>
/// Step 4's survey: <c>survey</c> (where it stands), <c>survey questions</c> (the bank by theme),
/// <c>survey add H1 T2</c> / <c>survey remove H1</c>, <c>questionnaire</c> (the chosen questions to copy into a
/// form), <c>survey upload</c> (officers: a private link to upload the results), <c>survey results</c> and
/// <c>survey match 3 to H2</c> (officers).
/// </summary>
public sealed partial class SurveyCommand(ISurveyUploadLinks links) : ICommand
{
    /// <inheritdoc />
    public Regex Pattern => Matcher();

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

        if (match.Groups["bank"].Success)
        {
            context.Say(Bank(context));
        }
        else if (match.Groups["questionnaire"].Success)
        {
            context.Say(Questionnaire(context));
        }
        else if (match.Groups["op"].Success)
        {
            Change(context, string.Equals(match.Groups["op"].Value, "add", StringComparison.OrdinalIgnoreCase), match.Groups["ids"].Value);
        }
        else if (match.Groups["upload"].Success)
        {
            Upload(context);
        }
        else if (match.Groups["results"].Success)
        {
            Results(context);
        }
        else if (match.Groups["match"].Success)
        {
            MatchColumn(context, match.Groups["n"].Value, match.Groups["id"].Value);
        }
        else
        {
            Status(context);
        }

        return ValueTask.CompletedTask;
    }

    private static string Bank(TurnContext context)
    {
        var chosen = Chosen(context).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder("Questions to start your questionnaire from, by theme (✅ = on yours):\n");
        foreach (var theme in QuestionBank.Themes)
        {
            text.Append('\n').Append(theme.Title).Append('\n');
            foreach (var q in QuestionBank.Questions.Where(q => q.Theme == theme.Letter))
            {
                text.Append(chosen.Contains(q.Id) ? "✅ " : "• ").Append(q.Id).Append(": ").Append(q.Text).Append('\n');
            }
        }

        return text.Append("\nType \"survey add H1 T2\" to add questions, \"survey remove H1\" to take one off, and \"questionnaire\" to see yours.").ToString();
    }

    private static string Questionnaire(TurnContext context)
    {
        var questions = Chosen(context);
        if (questions.Count == 0)
        {
            return "Your questionnaire has no questions from the bank yet. Type \"survey questions\" to see them, then \"survey add H1 T2\".";
        }

        var text = new StringBuilder("Your questionnaire, ready to copy into Microsoft Forms, Google Forms, SurveyMonkey or a paper form. Keep each question's wording, so I can match the results:\n");
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            text.Append(CultureInfo.InvariantCulture, $"\n{i + 1}. {q.Text}");
            text.Append(q.Kind switch
            {
                AnswerKind.OneChoice => " (tick one: " + string.Join(" / ", q.Options) + ")",
                AnswerKind.ManyChoices => " (tick all that apply: " + string.Join(" / ", q.Options) + ")",
                _ => " (in your own words)",
            });
        }

        return text.Append("\n\nAdd a line on why you ask, who sees the answers and how long you keep them. When answers are in, an officer types \"survey upload\".").ToString();
    }

    private static void Change(TurnContext context, bool add, string ids)
    {
        var wanted = ids.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Select(id => id.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var unknown = wanted.Where(id => QuestionBank.Find(id) is null).ToList();
        if (unknown.Count > 0)
        {
            context.Say($"I don't have question {string.Join(", ", unknown)} in the bank. Type \"survey questions\" to see the ids.");
            return;
        }

        var record = context.State.Find<QuestionnaireRecord>(QuestionnaireRecord.Kind) ?? new QuestionnaireRecord();
        var current = record.QuestionIds.ToList();
        var changed = add ? wanted.Where(id => !current.Contains(id)).ToList() : wanted.Where(current.Contains).ToList();
        var next = add ? current.Concat(changed).ToList() : current.Where(id => !changed.Contains(id)).ToList();
        if (next.Count > QuestionnaireRecord.MaxQuestions)
        {
            context.Say(string.Create(CultureInfo.InvariantCulture, $"That would make {next.Count} questions; I keep at most {QuestionnaireRecord.MaxQuestions}. A short questionnaire gets more answers back. Type \"questionnaire\" to see yours."));
            return;
        }

        if (changed.Count == 0)
        {
            context.Say(add ? "Those questions are on your questionnaire already. Type \"questionnaire\" to see it." : "Those questions aren't on your questionnaire. Type \"questionnaire\" to see it.");
            return;
        }

        context.State.Put(record with { QuestionIds = next });
        var verb = add ? "Added" : "Took off";
        context.Say(string.Create(CultureInfo.InvariantCulture, $"{verb} {string.Join(", ", changed)}. Your questionnaire has {next.Count} question{(next.Count == 1 ? string.Empty : "s")}. Type \"questionnaire\" to see it."));
    }

    private void Upload(TurnContext context)
    {
        if (!MayImport(context, "bring in survey results"))
        {
            return;
        }

        var link = links.For(context.State.GroupId, context.Now);
        var text = link is null
            ? "I can't make an upload link here. Ask your administrator to set the bot's public address."
            : string.Create(CultureInfo.InvariantCulture, $"Upload your survey results here (the link works for {links.Lifetime.TotalHours:0} hours; don't share it): {link}\n")
                + "I read exports from Microsoft Forms (.xlsx), Google Forms and SurveyMonkey (.csv), or your own spreadsheet (.xlsx, .csv or Unicode text), up to 10 MB. I'll post the totals here.";
        context.Add(new Reply { Text = text, Mode = ReplyMode.Private });
    }

    private static void Results(TurnContext context)
    {
        if (context.State.Find<SurveyResults>(SurveyResults.Kind) is not { } results)
        {
            context.Say("No survey results yet. When your answers are in, an officer types \"survey upload\" for a link to upload the export.");
            return;
        }

        context.Show(SurveyCards.Results(results));
    }

    private static void MatchColumn(TurnContext context, string numberText, string id)
    {
        if (!MayImport(context, "match survey questions"))
        {
            return;
        }

        if (context.State.Find<SurveyResults>(SurveyResults.Kind) is not { } results)
        {
            context.Say("There are no survey results to match yet. An officer types \"survey upload\" to bring them in.");
            return;
        }

        if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > results.Questions.Count)
        {
            context.Say(string.Create(CultureInfo.InvariantCulture, $"The results have questions 1 to {results.Questions.Count}. Type \"survey results\" to see their numbers."));
            return;
        }

        var none = string.Equals(id, "none", StringComparison.OrdinalIgnoreCase);
        var question = none ? null : QuestionBank.Find(id);
        if (!none && question is null)
        {
            context.Say($"I don't have question {id.ToUpperInvariant()} in the bank. Type \"survey questions\" to see the ids.");
            return;
        }

        var updated = results.Match(number, question);
        context.State.Put(updated);
        var heading = updated.Questions[number - 1].Heading;
        context.Say((question is null
            ? string.Create(CultureInfo.InvariantCulture, $"Question {number} ({heading}) is now not matched to your questionnaire. ")
            : string.Create(CultureInfo.InvariantCulture, $"Question {number} ({heading}) now counts as {question.Id}: {question.Text} "))
            + SurveyCards.NextSteps(updated));
    }

    private static void Status(TurnContext context)
    {
        var today = ActionText.Today(context);
        var progress = SurveyProgress.For(context.State, today);
        var facts = SurveyCards.ProgressFacts(progress);
        var next = progress.Questions.Count == 0
            ? "Type \"survey questions\" to start a questionnaire from common questions."
            : progress.Results is null
                ? "Record the survey in step 4's Surveys form (when it opens and closes, how many went out). When answers are in, an officer types \"survey upload\"."
                : "Type \"survey results\" to see the totals.";
        context.Show(new Card
        {
            Title = "Survey",
            Blocks = facts.Count == 0 ? [new TextBlock("Nothing recorded about the survey yet."), new TextBlock(next)] : [new FactsBlock(facts), new TextBlock(next)],
        });
    }

    private static IReadOnlyList<BankQuestion> Chosen(TurnContext context) =>
        context.State.Find<QuestionnaireRecord>(QuestionnaireRecord.Kind)?.Questions ?? [];

    private static bool MayImport(TurnContext context, string what)
    {
        if (RoleRules.MayImportSurveyResults(context.State, context.Turn.From.Id))
        {
            return true;
        }

        context.Say($"Only {RoleRules.OfficerWords} can {what}. Ask {RolesFeature.Holders(context, RoleRules.IsOfficerRole)}.");
        return false;
    }

    [GeneratedRegex(
        @"^(?:(?<bank>survey questions|question bank)|(?<questionnaire>(?:our |the |survey )?questionnaire)|survey (?<op>add|remove) (?<ids>[a-z]\d{1,2}(?:[ ,]+[a-z]\d{1,2})*)|survey (?<upload>upload)|survey (?<results>results)|survey (?<match>match) (?<n>\d{1,3}) (?:to |as )?(?<id>[a-z]\d{1,2}|none)|survey(?: status)?)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
