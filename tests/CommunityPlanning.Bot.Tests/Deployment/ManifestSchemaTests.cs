using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Xunit.Abstractions;

namespace CommunityPlanning.Bot.Tests.Deployment;

public sealed class ManifestSchemaTests(ITestOutputHelper output)
{
    private static readonly string[] GroupCommands = ["help", "progress", "checklist", "meeting start", "actions", "my actions", "my data", "forget me", "export our plan", "delete our plan"];

    // Teams shows at most ten commands per list.
    private const int TeamsCommandLimit = 10;

    [Fact]
    public void Manifest_WithSampleIds_IsValidAgainstTeamsSchema()
    {
        var results = Evaluate(TeamsManifest.FilledElement());

        Assert.True(results.IsValid, "manifest.json does not match the Teams schema:\n" + Describe(results));
    }

    [Fact]
    public void Schema_ManifestWithoutDeveloper_IsInvalid()
    {
        // Guards against a validator that accepts anything.
        var manifest = TeamsManifest.Filled().AsObject();
        manifest.Remove("developer");
        manifest["accentColor"] = "green";
        using var document = JsonDocument.Parse(manifest.ToJsonString());

        var results = Evaluate(document.RootElement);

        Assert.False(results.IsValid);
        output.WriteLine(Describe(results));
    }

    [Fact]
    public void Manifest_Version_IsAtLeast117AndMatchesSchemaUrl()
    {
        var manifest = TeamsManifest.Filled();
        var version = (string)manifest["manifestVersion"]!;

        Assert.True(Version.Parse(version) >= new Version(1, 17), $"manifestVersion {version} is older than 1.17.");
        Assert.Equal(
            $"https://developer.microsoft.com/en-us/json-schemas/teams/v{version}/MicrosoftTeams.schema.json",
            (string?)manifest["$schema"]);
    }

    [Fact]
    public void Manifest_Placeholders_AreOnlyBotIdAndDomain()
    {
        var placeholders = Regex.Matches(TeamsManifest.RawText(), @"\{\{[^}]*\}\}").Select(m => m.Value).Distinct().Order();

        Assert.Equal(["{{BOT_DOMAIN}}", "{{BOT_ID}}"], placeholders);
    }

    [Fact]
    public void Manifest_Bot_UsesBotIdAndOffersPersonalTeamAndGroupChat()
    {
        var manifest = TeamsManifest.Filled();
        var bot = manifest["bots"]!.AsArray().Single()!;

        Assert.Equal(TeamsManifest.SampleBotId, (string?)manifest["id"]);
        Assert.Equal(TeamsManifest.SampleBotId, (string?)bot["botId"]);
        Assert.Equal(["groupChat", "personal", "team"], Strings(bot["scopes"]).Order());
    }

    [Fact]
    public void Manifest_CommandLists_CoverEveryScopeAndCommand()
    {
        var lists = TeamsManifest.Filled()["bots"]![0]!["commandLists"]!.AsArray();

        var scopes = lists.SelectMany(list => Strings(list!["scopes"])).ToList();
        Assert.Equal(["groupChat", "personal", "team"], scopes.Order());

        var groupList = lists.Single(list => Strings(list!["scopes"]).Contains("team"))!;
        Assert.Contains("groupChat", Strings(groupList["scopes"]));
        Assert.Equal(GroupCommands, groupList["commands"]!.AsArray().Select(c => (string)c!["title"]!));

        var personalList = lists.Single(list => Strings(list!["scopes"]).Contains("personal"))!;
        var personalTitles = personalList["commands"]!.AsArray().Select(c => (string)c!["title"]!).ToList();
        Assert.Contains("help", personalTitles);
        Assert.Contains("my actions", personalTitles);
        Assert.Contains("my data", personalTitles);
        Assert.Contains("forget me", personalTitles);

        Assert.All(lists, list => Assert.InRange(list!["commands"]!.AsArray().Count, 1, TeamsCommandLimit));

        foreach (var command in lists.SelectMany(list => list!["commands"]!.AsArray()))
        {
            var description = (string)command!["description"]!;
            Assert.InRange(description.Length, 10, 128);
            Assert.EndsWith(".", description);
        }
    }

    [Fact]
    public void Manifest_Authorization_AsksForMeetingEventsAndChannelMessagePermissions()
    {
        var permissions = TeamsManifest.Filled()["authorization"]!["permissions"]!["resourceSpecific"]!.AsArray()
            .Select(p => ((string)p!["name"]!, (string)p["type"]!))
            .Order()
            .ToList();

        Assert.Equal(
            [
                ("ChannelMeeting.ReadBasic.Group", "Application"),
                ("ChannelMessage.Read.Group", "Application"),
                ("ChatMessage.Read.Chat", "Application"),
                ("OnlineMeeting.ReadBasic.Chat", "Application"),
            ],
            permissions);
        Assert.Equal(TeamsManifest.SampleBotId, (string?)TeamsManifest.Filled()["webApplicationInfo"]!["id"]);
    }

    [Fact]
    public void Manifest_DeveloperAndDomains_PointAtBotDomain()
    {
        var manifest = TeamsManifest.Filled();
        var developer = manifest["developer"]!;

        Assert.Equal($"https://{TeamsManifest.SampleDomain}/privacy", (string?)developer["privacyUrl"]);
        Assert.Equal($"https://{TeamsManifest.SampleDomain}/terms", (string?)developer["termsOfUseUrl"]);
        Assert.StartsWith($"https://{TeamsManifest.SampleDomain}/", (string?)developer["websiteUrl"], StringComparison.Ordinal);
        Assert.Equal([TeamsManifest.SampleDomain], Strings(manifest["validDomains"]));
    }

    [Fact]
    public void Manifest_Names_AreTheAgreedOnes()
    {
        var name = TeamsManifest.Filled()["name"]!;

        // People @mention the short name, and the docs and replies call the bot PlanBot.
        Assert.Equal("PlanBot", (string?)name["short"]);
        Assert.Equal("PlanBot — Community Led Planning (CommunityPlanning.Bot)", (string?)name["full"]);
    }

    private static EvaluationResults Evaluate(JsonElement manifest)
    {
        var version = manifest.GetProperty("manifestVersion").GetString()!;
        return LoadSchema(version).Evaluate(manifest, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static JsonSchema LoadSchema(string version)
    {
        // The Teams schemas declare draft-04, which JsonSchema.Net does not implement; the keywords they
        // use mean the same in draft-07.
        var text = File.ReadAllText(RepositoryPaths.TeamsSchema(version))
            .Replace("http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-07/schema#", StringComparison.Ordinal);
        return JsonSchema.FromText(text, new BuildOptions(), new Uri($"https://schemas.test/teams/v{version}/{Guid.NewGuid():N}.json"));
    }

    private static string Describe(EvaluationResults results)
    {
        var lines = new List<string>();
        foreach (var detail in results.Details ?? [])
        {
            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                lines.Add($"{detail.InstanceLocation} ({keyword} at {detail.SchemaLocation}): {message}");
            }
        }

        return lines.Count == 0 ? "(no details)" : string.Join('\n', lines);
    }

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(item => (string)item!).ToList();
}
