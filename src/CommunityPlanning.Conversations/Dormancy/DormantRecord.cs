using System.Text.Json.Serialization;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Conversations.Dormancy;

/// <summary>
/// The group's bot was removed (Teams uninstall, Slack app uninstalled): nothing proactive goes to the group
/// until it is installed again. The group's data stays as it is; the record goes when the bot comes back.
/// The cross-group <c>dormantgroups</c> index mirrors it (see <see cref="Dormancy"/>).
/// </summary>
/// <param name="Since">When the group became dormant.</param>
/// <param name="Reason">Why, in a word or two (<c>uninstalled</c>, <c>bot-removed</c>, <c>tokens-revoked</c>).</param>
[GroupRecord(Kind)]
public sealed record DormantRecord(DateTimeOffset Since, string Reason) : IGroupRecord
{
    /// <summary>The key kind (and key) of the record.</summary>
    public const string Kind = "dormant";

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => Kind;
}
