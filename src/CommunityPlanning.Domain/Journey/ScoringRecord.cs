using System.Text.Json.Serialization;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Journey;

/// <summary>Whether step 5's scoring of issues is open or closed, and who closed it.</summary>
/// <param name="Closed">True once the chair has closed scoring.</param>
[GroupRecord(Kind)]
public sealed record ScoringRecord(bool Closed) : IGroupRecord
{
    /// <summary>The key kind (and whole key) of the scoring record.</summary>
    public const string Kind = "scoring";

    /// <summary>Who last opened or closed scoring.</summary>
    public MemberRef? ChangedBy { get; init; }

    /// <summary>When scoring was last opened or closed.</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => Kind;
}
