using System.Globalization;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Domain.Journey;

/// <summary>
/// The Neighbourhood Plan's milestones in statutory order across the forms that hold them: the area (step 1),
/// the screening and Regulation 14 (step 6), then submission to the plan being made (step 7). Each form keeps
/// its own dates in order (<c>Rules.InOrder</c>); this checks a form's dates against the milestones recorded in
/// the other forms, so a Regulation 14 start before the area was designated is caught too.
/// </summary>
public static class MilestoneOrder
{
    /// <summary>The milestones, in the order they must happen.</summary>
    public static IReadOnlyList<Milestone> Milestones { get; } =
    [
        new(1, "np-area", "areaApplied", "The area application"),
        new(1, "np-area", "areaDesignated", "The area's designation"),
        new(6, "np-milestones", "screening", "The screening decision"),
        new(6, "np-milestones", "reg14Start", "The Regulation 14 start"),
        new(6, "np-milestones", "reg14End", "The Regulation 14 end"),
        new(7, "np-examination", "submitted", "The submission"),
        new(7, "np-examination", "reg16Start", "The Regulation 16 start"),
        new(7, "np-examination", "reg16End", "The Regulation 16 end"),
        new(7, "np-examination", "examinerReport", "The examiner's report"),
        new(7, "np-examination", "decisionStatement", "The decision statement"),
        new(7, "np-examination", "referendumDate", "The referendum"),
        new(7, "np-examination", "made", "The plan being made"),
    ];

    /// <summary>
    /// The first milestone of the form being saved (<paramref name="values"/>) that is out of order with one recorded
    /// in another form, or null. The message names both milestones and where the other one is.
    /// </summary>
    public static FieldError? Check(GroupState state, int step, string formId, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(values);
        if (!Milestones.Any(m => m.Step == step && m.FormId == formId))
        {
            return null;
        }

        var dated = Milestones
            .Select((m, order) => (Milestone: m, Order: order, Date: Day(m.Step == step && m.FormId == formId
                ? values.GetValueOrDefault(m.FieldId)
                : StepForms.Single(state, m.Step, m.FormId)?.Values.GetValueOrDefault(m.FieldId))))
            .Where(d => d.Date is not null)
            .ToList();
        foreach (var mine in dated.Where(d => d.Milestone.Step == step && d.Milestone.FormId == formId))
        {
            foreach (var other in dated.Where(d => d.Milestone.Step != step || d.Milestone.FormId != formId))
            {
                if (other.Order < mine.Order && mine.Date < other.Date)
                {
                    return new FieldError(mine.Milestone.FieldId, Message(mine.Milestone, "before", other.Milestone, other.Date!.Value));
                }

                if (other.Order > mine.Order && mine.Date > other.Date)
                {
                    return new FieldError(mine.Milestone.FieldId, Message(mine.Milestone, "after", other.Milestone, other.Date!.Value));
                }
            }
        }

        return null;
    }

    private static string Message(Milestone mine, string relation, Milestone other, DateOnly date) =>
        $"{mine.Name} can't be {relation} {Lower(other.Name)} ({Dates.UkDateFormat.Day(date)}, recorded in step {other.Step}: {StepCatalogue.Get(other.Step).Form(other.FormId)?.Title}). Please check the dates.";

    private static string Lower(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>One statutory milestone: the date field that records it.</summary>
/// <param name="Step">The step whose form holds it.</param>
/// <param name="FormId">The form.</param>
/// <param name="FieldId">The date field.</param>
/// <param name="Name">What it is, starting with a capital.</param>
public sealed record Milestone(int Step, string FormId, string FieldId, string Name);
