namespace CommunityPlanning.Storage.Caching;

/// <summary>
/// Bounds of the in-memory group state cache (<see cref="GroupStateCache"/>). Bound from <c>Storage:GroupCache</c>.
/// </summary>
public sealed class GroupCacheOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Storage:GroupCache";

    /// <summary>False turns the cache off: every turn queries its group's partition.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Most groups kept; the least recently used go first.</summary>
    public int MaxGroups { get; set; } = 500;

    /// <summary>Most records kept over all groups together (a two-year-old group holds about 2,000).</summary>
    public int MaxRecords { get; set; } = 100_000;

    /// <summary>A group not used for this long is dropped.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(10);
}
