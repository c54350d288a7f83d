using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Members;

/// <summary>
/// Who may do what in a steering group, in one place so every command and button asks the same question.
/// Officers (chair, vice-chair, secretary, treasurer) run the group: they set roles, end meetings, complete
/// and reopen steps, and change anyone's action. Everyone else may tick checklists, add actions, and change
/// actions they own or created, or that nobody owns yet. A group with no active officer lets anyone set roles,
/// so the first person can take the chair; there is only ever one chair.
/// </summary>
public static class RoleRules
{
    /// <summary>The officer roles as people read them, for refusals.</summary>
    public const string OfficerWords = "the chair, vice-chair, secretary or treasurer";

    /// <summary>True for the chair, vice-chair, secretary and treasurer.</summary>
    public static bool IsOfficerRole(MemberRole role) => role is MemberRole.Chair or MemberRole.ViceChair or MemberRole.Secretary or MemberRole.Treasurer;

    /// <summary>The group's active officers, in role order.</summary>
    public static IReadOnlyList<MemberRecord> Officers(GroupState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.OfType<MemberRecord>().Where(m => m.Active && IsOfficerRole(m.Role)).OrderBy(m => m.Role).ToList();
    }

    /// <summary>True when the person is an active member holding an officer role.</summary>
    public static bool IsOfficer(GroupState state, string userId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Find<MemberRecord>(MemberRecord.KeyFor(userId)) is { Active: true } member && IsOfficerRole(member.Role);
    }

    /// <summary>Deleting the group's plan: the chair only (and never while the group has no chair).</summary>
    public static bool MayDeletePlan(GroupState state, string userId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Find<MemberRecord>(MemberRecord.KeyFor(userId)) is { Active: true, Role: MemberRole.Chair };
    }

    /// <summary>Exporting the group's plan: officers.</summary>
    public static bool MayExportPlan(GroupState state, string userId) => IsOfficer(state, userId);

    /// <summary>Setting roles: officers, or anyone while the group has no active officer (so a new group can take the chair).</summary>
    public static bool MaySetRoles(GroupState state, string userId) =>
        IsOfficer(state, userId) || Officers(state).Count == 0;

    /// <summary>Completing or reopening a step: officers only.</summary>
    public static bool MaySignOffSteps(GroupState state, string userId) => IsOfficer(state, userId);

    /// <summary>Renaming the plan, changing its type, or carrying it forward into a new cycle: officers only.</summary>
    public static bool MayChangePlanSettings(GroupState state, string userId) => IsOfficer(state, userId);

    /// <summary>Bringing in survey results (the upload link) and matching their questions: officers.</summary>
    public static bool MayImportSurveyResults(GroupState state, string userId) => IsOfficer(state, userId);

    /// <summary>
    /// Editing a section of the plan: anyone in the group while it is a draft; once agreed, officers only
    /// (so agreed wording does not change without them).
    /// </summary>
    public static bool MayEditPlanSection(GroupState state, string userId, bool agreed) => !agreed || IsOfficer(state, userId);

    /// <summary>Marking a section of the plan agreed, or setting an agreed one back to draft: officers only.</summary>
    public static bool MayAgreePlanSection(GroupState state, string userId) => IsOfficer(state, userId);

    /// <summary>
    /// Ending a meeting: officers, whoever chairs that meeting (the group's chair, or whoever started it when
    /// the group had none), or anyone while the group has no active officer.
    /// </summary>
    public static bool MayEndMeeting(GroupState state, string userId, MemberRef meetingChair)
    {
        ArgumentNullException.ThrowIfNull(meetingChair);
        return IsOfficer(state, userId)
            || string.Equals(meetingChair.Id, userId, StringComparison.Ordinal)
            || Officers(state).Count == 0;
    }

    /// <summary>
    /// Sending apologies for someone else: the meeting's chair, whoever started it, or the group's chair,
    /// vice-chair or secretary. Anyone may send their own.
    /// </summary>
    public static bool MayRecordApologiesFor(GroupState state, string userId, string memberId, MemberRef meetingChair, MemberRef startedBy)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(meetingChair);
        ArgumentNullException.ThrowIfNull(startedBy);
        return string.Equals(userId, memberId, StringComparison.Ordinal)
            || string.Equals(userId, meetingChair.Id, StringComparison.Ordinal)
            || string.Equals(userId, startedBy.Id, StringComparison.Ordinal)
            || state.Find<MemberRecord>(MemberRecord.KeyFor(userId)) is { Active: true, Role: MemberRole.Chair or MemberRole.ViceChair or MemberRole.Secretary };
    }

    /// <summary>
    /// Changing an action's status, owner or due date: its owner, whoever created it, an officer, or anyone
    /// while nobody owns it.
    /// </summary>
    public static bool MayChangeAction(GroupState state, string userId, ActionItem action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Owner is null
            || string.Equals(action.Owner.Id, userId, StringComparison.Ordinal)
            || string.Equals(action.CreatedBy.Id, userId, StringComparison.Ordinal)
            || IsOfficer(state, userId);
    }
}
