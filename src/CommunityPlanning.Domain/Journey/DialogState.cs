using System.Text.Json.Serialization;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Journey;

/// <summary>
/// Where one member is in a run of questions the bot is asking them. One per (group, member), so two
/// members can each be part-way through their own questions.
/// </summary>
/// <param name="UserId">The member's channel user id.</param>
/// <param name="Flow">The name of the flow of questions.</param>
/// <param name="Values">The flow's own values: what it is about and answers not yet saved.</param>
/// <param name="StartedAt">When the questions started.</param>
/// <param name="UpdatedAt">When the member last answered (or the bot last asked).</param>
[GroupRecord(Kind)]
public sealed record DialogState(
    string UserId,
    string Flow,
    IReadOnlyDictionary<string, string> Values,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt) : IGroupRecord
{
    /// <summary>The key kind of dialog records.</summary>
    public const string Kind = "dialog";

    /// <summary>How long a dialog may sit unanswered before it is put aside.</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromHours(24);

    /// <summary>The id of the question waiting for an answer.</summary>
    public string? PromptId { get; init; }

    /// <summary>How many answers to the current question were not right.</summary>
    public int Tries { get; init; }

    /// <summary>True when put aside (interrupted by expiry or too many tries): "carry on" resumes it.</summary>
    public bool SetAside { get; init; }

    /// <summary>Questions the member chose to skip this time.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => KeyFor(UserId);

    /// <summary>The key of a member's dialog.</summary>
    public static string KeyFor(string userId) => RecordKeys.Of(Kind, userId);

    /// <summary>True when the member has been away longer than <see cref="IdleLimit"/>.</summary>
    public bool IsIdle(DateTimeOffset now) => now - UpdatedAt > IdleLimit;
}
