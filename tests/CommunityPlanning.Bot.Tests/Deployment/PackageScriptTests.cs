using System.IO.Compression;
using System.Text.Json;

namespace CommunityPlanning.Bot.Tests.Deployment;

public sealed class PackageScriptTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("cpbot-teams-package-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private static Task<ProcessResult> RunScriptAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("bash", [RepositoryPaths.Combine("scripts", "package-teams.sh"), .. arguments], RepositoryPaths.Root);

    [Fact]
    public async Task PackageTeams_ValidArguments_WritesZipWithThreeFilesAtRoot()
    {
        var result = await RunScriptAsync(TeamsManifest.SampleBotId, TeamsManifest.SampleDomain, _output);

        Assert.True(result.ExitCode == 0, result.ToString());
        var package = Path.Combine(_output, "CommunityPlanning.Bot.zip");
        Assert.True(File.Exists(package), result.ToString());

        using var archive = ZipFile.OpenRead(package);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order());

        using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
        var text = await reader.ReadToEndAsync();
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(text);
        var root = manifest.RootElement;
        Assert.Equal(TeamsManifest.SampleBotId, root.GetProperty("id").GetString());
        Assert.Equal(TeamsManifest.SampleBotId, root.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal(TeamsManifest.SampleDomain, root.GetProperty("validDomains")[0].GetString());
        Assert.Equal($"https://{TeamsManifest.SampleDomain}/privacy", root.GetProperty("developer").GetProperty("privacyUrl").GetString());

        var colour = archive.GetEntry("color.png")!;
        Assert.Equal(new FileInfo(RepositoryPaths.Combine("manifest", "teams", "color.png")).Length, colour.Length);
    }

    [Fact]
    public async Task PackageTeams_UpperCaseIds_AreWrittenInLowerCase()
    {
        var result = await RunScriptAsync(TeamsManifest.SampleBotId.ToUpperInvariant(), "CPBot.Example.org", _output);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var archive = ZipFile.OpenRead(Path.Combine(_output, "CommunityPlanning.Bot.zip"));
        using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
        var text = await reader.ReadToEndAsync();
        Assert.Contains(TeamsManifest.SampleBotId, text, StringComparison.Ordinal);
        Assert.Contains("https://cpbot.example.org/terms", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackageTeams_BotIdNotGuid_FailsWithFriendlyMessage()
    {
        var result = await RunScriptAsync("my-bot", TeamsManifest.SampleDomain, _output);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("is not a GUID", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_output));
    }

    [Theory]
    [InlineData("https://cpbot.azurewebsites.net", "without https://")]
    [InlineData("cpbot.azurewebsites.net/api", "without https://")]
    [InlineData("not a host", "is not a host name")]
    public async Task PackageTeams_DomainNotHostName_FailsWithFriendlyMessage(string domain, string message)
    {
        var result = await RunScriptAsync(TeamsManifest.SampleBotId, domain, _output);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackageTeams_NoArguments_PrintsUsage()
    {
        var result = await RunScriptAsync();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Usage: scripts/package-teams.sh <botId> <domain>", result.StandardError, StringComparison.Ordinal);
    }
}
