namespace CommunityPlanning.Bot.Tests.Browser;

/// <summary>
/// The playground tests run on their own, after the parallel tests: a browser, a host and Azurite on a
/// small shared machine are enough load for one test at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PlaygroundCollection
{
    public const string Name = "Playground";
}
