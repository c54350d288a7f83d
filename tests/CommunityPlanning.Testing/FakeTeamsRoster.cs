using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CommunityPlanning.Testing;

/// <summary>
/// The Connector's member reads, as Teams serves them: <c>GET v3/conversations/{id}/pagedmembers</c> answers
/// <c>{ members: [...], continuationToken }</c> in pages of <see cref="PageSize"/> (small, so tests see paging);
/// <c>GET v3/conversations/{id}/members/{userId}</c> answers the member (by 29: id or AAD object id) or 404.
/// A conversation with no members set answers 503, as a Connector that cannot say.
/// </summary>
public sealed class FakeTeamsRoster
{
    private readonly ConcurrentDictionary<string, List<JsonObject>> _members = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<int> _failures = new();

    /// <summary>Members per page, whatever pageSize the bot asks for.</summary>
    public int PageSize { get; set; } = 2;

    /// <summary>Every read so far, as "GET path?query".</summary>
    public ConcurrentQueue<string> Reads { get; } = new();

    /// <summary>Sets the members of a team or chat (id, name, AAD object id, userRole).</summary>
    public void Set(string conversationOrTeamId, params (string Id, string Name, string Aad, string Role)[] members) =>
        _members[conversationOrTeamId] = members.Select(m => new JsonObject
        {
            ["id"] = m.Id,
            ["name"] = m.Name,
            ["aadObjectId"] = m.Aad,
            ["givenName"] = m.Name.Split(' ')[0],
            ["userPrincipalName"] = m.Name.Replace(' ', '.') + "@example.org",
            ["tenantId"] = "tenant-1",
            ["userRole"] = m.Role,
        }).ToList();

    /// <summary>Makes the next read answer with this status (403, 429, 500…).</summary>
    public void FailNext(int status) => _failures.Enqueue(status);

    /// <summary>Reads whose path contains the text.</summary>
    public int CountReads(string contains) => Reads.Count(r => r.Contains(contains, StringComparison.Ordinal));

    internal async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        Reads.Enqueue("GET " + path + context.Request.QueryString);
        context.Response.ContentType = "application/json";
        if (_failures.TryDequeue(out var status))
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsync("{\"error\":{\"code\":\"Failed\",\"message\":\"on cue\"}}");
            return;
        }

        var parts = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        if (parts.Length < 4 || parts[0] != "v3" || parts[1] != "conversations" || !_members.TryGetValue(parts[2], out var members))
        {
            context.Response.StatusCode = 503;
            await context.Response.WriteAsync("{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"no roster\"}}");
            return;
        }

        if (parts[3] == "pagedmembers")
        {
            var start = int.TryParse(context.Request.Query["continuationToken"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 0;
            var page = new JsonArray(members.Skip(start).Take(PageSize).Select(m => (JsonNode)m.DeepClone()).ToArray());
            var body = new JsonObject { ["members"] = page };
            if (start + PageSize < members.Count)
            {
                body["continuationToken"] = (start + PageSize).ToString(CultureInfo.InvariantCulture);
            }

            await context.Response.WriteAsync(body.ToJsonString());
            return;
        }

        var member = parts is [_, _, _, "members", var id] ? members.FirstOrDefault(m => (string?)m["id"] == id || (string?)m["aadObjectId"] == id) : null;
        if (member is null)
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("{\"error\":{\"code\":\"MemberNotFoundInConversation\",\"message\":\"The member is not in the conversation.\"}}");
            return;
        }

        await context.Response.WriteAsync(member.ToJsonString());
    }
}
