using System.Text.Json.Serialization;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Meetings;

/// <summary>Whether a meeting is running.</summary>
public enum MeetingStatus
{
    /// <summary>Started and not yet ended.</summary>
    Open,

    /// <summary>Ended; its minutes are stored.</summary>
    Closed,
}

/// <summary>
/// One steering-group meeting: who started and chairs it, and when it opened and closed. Arrivals, decisions,
/// notes and minutes are records of their own (<see cref="AttendanceRecord"/>, <see cref="DecisionRecord"/>…), so people acting at the same
/// moment never write the same row.
/// </summary>
/// <param name="Id">The meeting's id: London start time (yyyyMMddHHmm) and a short suffix, so ids sort by date.</param>
/// <param name="StartedBy">Who started it.</param>
/// <param name="StartedAt">When.</param>
/// <param name="Chair">Who chairs it: the group's chair when there is one, otherwise whoever started it.</param>
[GroupRecord(Kind)]
public sealed record MeetingRecord(string Id, MemberRef StartedBy, DateTimeOffset StartedAt, MemberRef Chair) : IGroupRecord
{
    /// <summary>The key kind of meeting records.</summary>
    public const string Kind = "meeting";

    /// <summary>Open or closed.</summary>
    public MeetingStatus Status { get; init; } = MeetingStatus.Open;

    /// <summary>When it was closed.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Who closed it; null when it was closed automatically.</summary>
    public MemberRef? ClosedBy { get; init; }

    /// <summary>True when nobody ended it and it was closed after <see cref="MeetingRules.AutoCloseAfter"/>.</summary>
    public bool ClosedAutomatically { get; init; }

    /// <summary>
    /// The channel's id for the posted meeting card, when the channel gave one back (none does yet: the
    /// adapters do not return the ids of messages they send).
    /// </summary>
    public string? CardMessageId { get; init; }

    /// <summary>True while it is running.</summary>
    [JsonIgnore]
    public bool IsOpen => Status == MeetingStatus.Open;

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => KeyFor(Id);

    /// <summary>The key of a meeting's record.</summary>
    public static string KeyFor(string meetingId) => RecordKeys.Of(Kind, meetingId);

    /// <summary>The meeting closed now, by someone or (with a null <paramref name="by"/>) automatically.</summary>
    public MeetingRecord Close(MemberRef? by, DateTimeOffset at) =>
        this with { Status = MeetingStatus.Closed, ClosedAt = at, ClosedBy = by, ClosedAutomatically = by is null };
}
