using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Domain.Actions;

/// <summary>One change to an action: who, when, and what changed ("due date Fri 14 Mar 2025 → Fri 21 Mar 2025").</summary>
/// <param name="By">Who made the change.</param>
/// <param name="At">When.</param>
/// <param name="Change">What changed, in plain words.</param>
public sealed record ActionHistoryEntry(MemberRef By, DateTimeOffset At, string Change);

/// <summary>A progress note on an action ("rang the highways team").</summary>
/// <param name="By">Who wrote it.</param>
/// <param name="At">When.</param>
/// <param name="Text">The note.</param>
public sealed record ActionNote(MemberRef By, DateTimeOffset At, string Text)
{
    /// <summary>The id of the form row that added it (a step-8 update), so a second press of the same Save adds it once.</summary>
    public string? Token { get; init; }
}
