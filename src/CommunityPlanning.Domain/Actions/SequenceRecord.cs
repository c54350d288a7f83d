using System.Text.Json.Serialization;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Actions;

/// <summary>
/// The last number handed out in a group for one kind of thing (actions: 1, 2, 3…). It is saved in the
/// same atomic write as the thing it numbers, so two people creating at once get a conflict and one
/// turn re-runs: numbers are never handed out twice. Other features may keep their own named sequence.
/// </summary>
/// <param name="Name">What is numbered, e.g. <c>action</c>.</param>
/// <param name="Last">The last number handed out.</param>
[GroupRecord(Kind)]
public sealed record SequenceRecord(string Name, int Last) : IGroupRecord
{
    /// <summary>The key kind of sequence records.</summary>
    public const string Kind = "seq";

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => KeyFor(Name);

    /// <summary>The key of a named sequence.</summary>
    public static string KeyFor(string name) => RecordKeys.Of(Kind, name);
}
