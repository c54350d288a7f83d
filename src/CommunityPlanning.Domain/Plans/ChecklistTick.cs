using System.Text.Json.Serialization;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Plans;

/// <summary>The state of one checklist item: ticked or not, by whom and when.</summary>
/// <param name="Step">The step the item belongs to.</param>
/// <param name="ItemId">The item's stable id from the step catalogue.</param>
/// <param name="Done">True when ticked.</param>
/// <param name="By">Who last changed it.</param>
/// <param name="At">When it was last changed.</param>
[GroupRecord(Kind)]
public sealed record ChecklistTick(int Step, string ItemId, bool Done, MemberRef By, DateTimeOffset At) : IGroupRecord
{
    /// <summary>The key kind of checklist records.</summary>
    public const string Kind = "check";

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => KeyFor(Step, ItemId);

    /// <summary>The key of an item's record.</summary>
    public static string KeyFor(int step, string itemId) => RecordKeys.Of(Kind, RecordKeys.Step(step), itemId);

    /// <summary>The key prefix of all of a step's items.</summary>
    public static string PrefixFor(int step) => RecordKeys.Of(Kind, RecordKeys.Step(step)) + RecordKeys.Separator;
}
