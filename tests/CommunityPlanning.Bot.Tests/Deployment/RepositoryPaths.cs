using System.Text.RegularExpressions;

namespace CommunityPlanning.Bot.Tests.Deployment;

/// <summary>Finds the repository and the offline tools the deployment tests need.</summary>
internal static partial class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The Teams schema for a manifest version, from tooling/node_modules (npm ci in tooling/).</summary>
    public static string TeamsSchema(string manifestVersion)
    {
        var package = Combine("tooling", "node_modules", "@microsoft", "app-manifest");
        if (!Directory.Exists(package))
        {
            throw new InvalidOperationException(
                $"The Teams manifest schemas are not installed ({package} is missing). Run: cd tooling && npm ci");
        }

        var schema = Path.Combine(package, "build", "json-schemas", "teams", $"v{manifestVersion}", "MicrosoftTeams.schema.json");
        if (!File.Exists(schema))
        {
            throw new InvalidOperationException(
                $"@microsoft/app-manifest has no schema for manifest version {manifestVersion} ({schema}).");
        }

        return schema;
    }

    /// <summary>The Bicep CLI restored from NuGet by tools/Bicep (dotnet restore tools/Bicep).</summary>
    public static string BicepCli()
    {
        var project = File.ReadAllText(Combine("tools", "Bicep", "Bicep.csproj"));
        var match = BicepVersion().Match(project);
        if (!match.Success)
        {
            throw new InvalidOperationException("tools/Bicep/Bicep.csproj does not pin Azure.Bicep.CommandLine.linux-x64 with a Version.");
        }

        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrWhiteSpace(packages))
        {
            packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        var cli = Path.Combine(packages, "azure.bicep.commandline.linux-x64", match.Groups["version"].Value, "tools", "bicep");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"The Bicep CLI is not installed ({cli} is missing). Run: dotnet restore tools/Bicep");
        }

        return cli;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CommunityPlanning.Bot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CommunityPlanning.Bot.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"Include=""Azure\.Bicep\.CommandLine\.linux-x64""\s+Version=""(?<version>[^""]+)""")]
    private static partial Regex BicepVersion();
}
