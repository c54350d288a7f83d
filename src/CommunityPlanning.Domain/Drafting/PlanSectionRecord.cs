using System.Text.Json.Serialization;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Drafting;

/// <summary>
/// One section of the plan as the group has it now: its text, whether it is agreed, and who changed it last.
/// The bot drafts it from what the group recorded (<see cref="ByBot"/>); members then edit it.
/// </summary>
/// <param name="Section">The section's id (see <see cref="PlanSections"/>).</param>
/// <param name="Text">The text, paragraphs separated by line breaks (at most <see cref="PlanSections.MaxTextLength"/>).</param>
/// <param name="Status">Draft or agreed.</param>
/// <param name="ChangedBy">Who changed it last (for a bot draft: who asked for it).</param>
/// <param name="ChangedAt">When.</param>
[GroupRecord(Kind)]
public sealed record PlanSectionRecord(string Section, string Text, PlanSectionStatus Status, MemberRef ChangedBy, DateTimeOffset ChangedAt) : IGroupRecord
{
    /// <summary>The key kind of plan sections.</summary>
    public const string Kind = "plansection";

    /// <summary>The key prefix of every plan section.</summary>
    public static readonly string Prefix = Kind + RecordKeys.Separator;

    /// <summary>True while the text is the bot's draft, not yet changed by a member: drafting again refreshes it.</summary>
    public bool ByBot { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => KeyFor(Section);

    /// <summary>The key of a section's record.</summary>
    public static string KeyFor(string section) => RecordKeys.Of(Kind, section);
}
