namespace CommunityPlanning.Storage.Rights;

/// <summary>How long data is kept, and how the data-rights work runs. Bound from the <c>Retention</c> section.</summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Retention";

    /// <summary>Redelivery markers (<c>seen|…</c> rows) older than this are deleted (30 days).</summary>
    public TimeSpan SeenAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A group dormant (bot uninstalled) for longer than this is deleted (365 days).</summary>
    public TimeSpan DormantGroupAfter { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often the retention sweep runs (6 hours).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How often stored data-rights jobs are looked for (30 seconds).</summary>
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a job or a dormant group is claimed by the instance working on it before another may take it over.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Keep people's names in minutes when they ask to be forgotten (off by default). For councils whose minutes are
    /// statutory records; their ids are removed either way.
    /// </summary>
    public bool KeepNamesInMinutes { get; set; }

    /// <summary>What is wrong with the settings, if anything.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (SeenAfter < TimeSpan.FromDays(1))
        {
            problems.Add("Retention:SeenAfter must be at least a day (Teams and Slack redeliver for minutes to hours).");
        }

        if (DormantGroupAfter < TimeSpan.FromDays(1))
        {
            problems.Add("Retention:DormantGroupAfter must be at least a day.");
        }

        if (SweepInterval < TimeSpan.FromMinutes(1) || JobInterval < TimeSpan.FromSeconds(1) || ClaimTimeout < TimeSpan.FromMinutes(1))
        {
            problems.Add("Retention:SweepInterval must be at least a minute, Retention:JobInterval a second, Retention:ClaimTimeout a minute.");
        }

        return problems;
    }
}
