using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Drafting;

/// <summary>One section as a document shows it.</summary>
/// <param name="Definition">Which section.</param>
/// <param name="Text">Its text; paragraphs and list lines separated by line breaks.</param>
/// <param name="Status">Draft or agreed; null when the group has not drafted it yet (the text is then the bot's draft).</param>
public sealed record PlanDocumentSection(PlanSectionDefinition Definition, string Text, PlanSectionStatus? Status);

/// <summary>
/// Everything a plan document shows, read from the group's records in one go: the cover (community, plan type,
/// date, draft or final), the sections in order, and the action plan's rows.
/// </summary>
/// <param name="CommunityName">The community the plan is for.</param>
/// <param name="PlanTitle">The kind of plan, e.g. "Community Led Plan".</param>
/// <param name="Date">The day the document was made (London).</param>
/// <param name="IsDraft">True until step 7 (finalising the plan) is complete.</param>
/// <param name="Sections">The sections, in order.</param>
/// <param name="Actions">Every action of the group.</param>
public sealed record PlanDocumentModel(
    string CommunityName,
    string PlanTitle,
    DateOnly Date,
    bool IsDraft,
    IReadOnlyList<PlanDocumentSection> Sections,
    IReadOnlyList<ActionPlanRow> Actions)
{
    /// <summary>The step whose completion makes the plan final.</summary>
    public const int FinalStep = 7;

    /// <summary>
    /// The plan as it stands, or null when there is none to show: no plan started, or no section drafted yet.
    /// Sections not drafted yet show the bot's draft.
    /// </summary>
    public static PlanDocumentModel? From(GroupState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Find<PlanRecord>(PlanRecord.Kind) is not { } plan)
        {
            return null;
        }

        var stored = state.WithPrefix<PlanSectionRecord>(PlanSectionRecord.Prefix).ToDictionary(s => s.Section, StringComparer.Ordinal);
        if (stored.Count == 0)
        {
            return null;
        }

        var sections = PlanSections.All.Select(d => stored.TryGetValue(d.Id, out var s)
            ? new PlanDocumentSection(d, s.Text, s.Status)
            : new PlanDocumentSection(d, PlanDrafter.Draft(d.Id, state), null)).ToList();
        var final = state.Find<StepRecord>(StepRecord.KeyFor(FinalStep)) is { Completed: true };
        return new PlanDocumentModel(
            plan.CommunityName,
            plan.PlanType.Title(),
            DateOnly.FromDateTime(UkTime.ToLondon(now).DateTime),
            !final,
            sections,
            ActionPlanTable.Rows(state));
    }
}
