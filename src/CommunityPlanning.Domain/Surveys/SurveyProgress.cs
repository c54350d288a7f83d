using System.Globalization;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Surveys;

/// <summary>
/// Where the group's survey stands: the questions chosen, when it closes, the responses received and the
/// response rate against the households step 1 recorded.
/// </summary>
/// <param name="Questions">The questionnaire's questions.</param>
/// <param name="ClosesOn">The soonest closing date still to come of the surveys recorded in step 4, or null.</param>
/// <param name="Responses">Responses received: the imported file's, or else the sum of "how many came back".</param>
/// <param name="Households">Households in the area (step 1), or null when not recorded.</param>
/// <param name="Results">The imported totals, or null.</param>
public sealed record SurveyProgress(IReadOnlyList<BankQuestion> Questions, DateOnly? ClosesOn, int? Responses, int? Households, SurveyResults? Results)
{
    /// <summary>How many days before a closing date the Monday digest starts to mention it.</summary>
    public const int ReminderDays = 14;

    /// <summary>Responses as a whole-number percentage of households, or null when either is unknown.</summary>
    public int? HouseholdRate =>
        Responses is { } r && Households is > 0 ? (int)Math.Round(r * 100m / Households.Value, MidpointRounding.AwayFromZero) : null;

    /// <summary>Reads the survey's progress from the group's records, as of <paramref name="today"/> (London).</summary>
    public static SurveyProgress For(GroupState state, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        var rows = StepForms.Rows(state, 4, "surveys");
        var closes = rows.Select(r => Day(r.Values.GetValueOrDefault("closes"))).OfType<DateOnly>().Where(d => d >= today).Order().FirstOrDefault();
        var results = state.Find<SurveyResults>(SurveyResults.Kind);
        var returned = rows.Select(r => Number(r.Values.GetValueOrDefault("returned"))).OfType<int>().ToList();
        int? responses = results is not null ? results.Respondents : returned.Count > 0 ? returned.Sum() : null;
        var households = StepForms.Single(state, 1, "community") is { } community ? Number(community.Values.GetValueOrDefault("households")) : null;
        return new SurveyProgress(
            state.Find<QuestionnaireRecord>(QuestionnaireRecord.Kind)?.Questions ?? [],
            closes == default ? null : closes,
            responses,
            households,
            results);
    }

    /// <summary>A line for the digest when the survey closes within <see cref="ReminderDays"/> days, else null.</summary>
    public string? ClosingReminder(DateOnly today) =>
        ClosesOn is { } day && day.DayNumber - today.DayNumber <= ReminderDays
            ? day == today
                ? "📮 The survey closes today. Collect the last forms, then an officer types \"survey upload\" to bring in the results."
                : $"📮 The survey closes {Dates.UkDateFormat.Day(day)} ({day.DayNumber - today.DayNumber} days to go). A last reminder to neighbours now brings more answers back."
            : null;

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
