using System.Text.Json.Serialization;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Meetings;

/// <summary>A decision recorded during a meeting. One row each, keyed by time, so decisions typed together all land.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="EntryId">The entry's id (see <see cref="MeetingIds.NewEntryId"/>), in the order recorded.</param>
/// <param name="Text">What was decided.</param>
/// <param name="By">Who recorded it.</param>
/// <param name="At">When.</param>
[GroupRecord(Kind)]
public sealed record DecisionRecord(string MeetingId, string EntryId, string Text, MemberRef By, DateTimeOffset At) : IGroupRecord
{
    /// <summary>The key kind of decisions.</summary>
    public const string Kind = "decision";

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => KeyFor(MeetingId, EntryId);

    /// <summary>The key of a decision.</summary>
    public static string KeyFor(string meetingId, string entryId) => RecordKeys.Of(Kind, meetingId, entryId);

    /// <summary>The key prefix of a meeting's decisions.</summary>
    public static string PrefixFor(string meetingId) => RecordKeys.Of(Kind, meetingId) + RecordKeys.Separator;
}

/// <summary>A note taken during a meeting.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="EntryId">The entry's id, in the order recorded.</param>
/// <param name="Text">The note.</param>
/// <param name="By">Who took it.</param>
/// <param name="At">When.</param>
[GroupRecord(Kind)]
public sealed record MeetingNoteRecord(string MeetingId, string EntryId, string Text, MemberRef By, DateTimeOffset At) : IGroupRecord
{
    /// <summary>The key kind of meeting notes.</summary>
    public const string Kind = "meetnote";

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => KeyFor(MeetingId, EntryId);

    /// <summary>The key of a note.</summary>
    public static string KeyFor(string meetingId, string entryId) => RecordKeys.Of(Kind, meetingId, entryId);

    /// <summary>The key prefix of a meeting's notes.</summary>
    public static string PrefixFor(string meetingId) => RecordKeys.Of(Kind, meetingId) + RecordKeys.Separator;
}

/// <summary>
/// An item someone added to the agenda with "agenda add …". It waits for the next meeting (or joins the
/// open one); when that meeting ends it is marked as covered there.
/// </summary>
/// <param name="EntryId">The item's id, in the order added.</param>
/// <param name="Text">The item.</param>
/// <param name="By">Who added it.</param>
/// <param name="At">When.</param>
[GroupRecord(Kind)]
public sealed record AgendaItemRecord(string EntryId, string Text, MemberRef By, DateTimeOffset At) : IGroupRecord
{
    /// <summary>The key kind of agenda items.</summary>
    public const string Kind = "agenda";

    /// <summary>The key prefix of every agenda item.</summary>
    public static readonly string Prefix = Kind + RecordKeys.Separator;

    /// <summary>The meeting whose minutes cover it; null while it waits for a meeting to end.</summary>
    public string? CoveredIn { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => KeyFor(EntryId);

    /// <summary>The key of an agenda item.</summary>
    public static string KeyFor(string entryId) => RecordKeys.Of(Kind, entryId);
}
