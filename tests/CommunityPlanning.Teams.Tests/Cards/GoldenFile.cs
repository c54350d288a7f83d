using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CommunityPlanning.Teams.Tests.Cards;

/// <summary>
/// Compares rendered JSON with a committed file under tests/CommunityPlanning.Teams.Tests/Golden/.
/// To accept a change on purpose, run the tests with UPDATE_GOLDEN=1
/// (e.g. <c>UPDATE_GOLDEN=1 dotnet test tests/CommunityPlanning.Teams.Tests</c>): the files in the source
/// tree are rewritten and the tests pass; review the diff and commit it.
/// </summary>
internal static class GoldenFile
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Readable files: "☑" rather than "\u2611". The JSON means the same either way.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void AssertMatches(string name, JsonNode actual)
    {
        var path = Path.Combine(Folder(), name + ".json");
        var text = actual.ToJsonString(Indented).Replace("\r\n", "\n") + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, text);
            return;
        }

        Assert.True(File.Exists(path), $"No golden file {path}. Run the tests with UPDATE_GOLDEN=1 to create it, then review and commit it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.Equal(expected, text);
    }

    // The committed files, found from the source tree so UPDATE_GOLDEN rewrites them in place.
    private static string Folder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CommunityPlanning.Bot.sln")))
            {
                var folder = Path.Combine(directory.FullName, "tests", "CommunityPlanning.Teams.Tests", "Golden");
                Directory.CreateDirectory(folder);
                return folder;
            }
        }

        throw new InvalidOperationException($"Could not find CommunityPlanning.Bot.sln above {AppContext.BaseDirectory}.");
    }
}
