namespace CommunityPlanning.Testing;

/// <summary>Finds the repository root (the folder holding CommunityPlanning.Bot.sln).</summary>
public static class RepoRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CommunityPlanning.Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find CommunityPlanning.Bot.sln above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root.</summary>
    public static string Path => Root.Value;

    /// <summary>A path below the root.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
