using System.Text.Json.Serialization;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Members;

/// <summary>A member of the steering group as the bot knows them.</summary>
/// <param name="Member">The person.</param>
/// <param name="Role">Their role.</param>
/// <param name="Joined">When the bot first saw them in the group.</param>
[GroupRecord(Kind)]
public sealed record MemberRecord(MemberRef Member, MemberRole Role, DateTimeOffset Joined) : IGroupRecord
{
    /// <summary>The key kind of member records.</summary>
    public const string Kind = "member";

    /// <summary>False once they have left the conversation.</summary>
    public bool Active { get; init; } = true;

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => KeyFor(Member.Id);

    /// <summary>The key of a member's record.</summary>
    public static string KeyFor(string userId) => RecordKeys.Of(Kind, userId);
}
