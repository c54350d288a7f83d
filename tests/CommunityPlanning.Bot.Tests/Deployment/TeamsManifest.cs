using System.Text.Json;
using System.Text.Json.Nodes;

namespace CommunityPlanning.Bot.Tests.Deployment;

/// <summary>manifest/teams/manifest.json with its placeholders filled by sample values.</summary>
internal static class TeamsManifest
{
    public const string SampleBotId = "6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b";
    public const string SampleDomain = "cpbot-abc123.azurewebsites.net";

    public static string Path => RepositoryPaths.Combine("manifest", "teams", "manifest.json");

    public static string RawText() => File.ReadAllText(Path);

    public static string FilledText() =>
        RawText().Replace("{{BOT_ID}}", SampleBotId, StringComparison.Ordinal)
            .Replace("{{BOT_DOMAIN}}", SampleDomain, StringComparison.Ordinal);

    public static JsonNode Filled() => JsonNode.Parse(FilledText()) ?? throw new InvalidDataException("manifest.json is empty.");

    public static JsonElement FilledElement()
    {
        using var document = JsonDocument.Parse(FilledText());
        return document.RootElement.Clone();
    }
}
