using System.Text.Json.Nodes;

namespace CommunityPlanning.Teams.Hosting;

/// <summary>What the HTTP endpoint answers: a status and, for invokes, a JSON body.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The JSON body, if any.</param>
public sealed record BotResponse(int Status, JsonObject? Body = null)
{
    /// <summary>200 with no body.</summary>
    public static BotResponse Ok { get; } = new(200);
}
