namespace CommunityPlanning.Conversations.Outbox;

/// <summary>How the outbox is worked. The defaults suit production; bound from <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Outbox";

    /// <summary>This instance's name on the rows it claims; unique per running process.</summary>
    public string InstanceId { get; set; } = $"{Environment.MachineName}-{Guid.NewGuid():N}";

    /// <summary>How often the dispatcher looks for rows left over.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long the dispatcher leaves a group it found with no rows before looking again. Rows saved meanwhile are
    /// claimed by the instance that saved them, so they need the dispatcher only once that claim runs out
    /// (<see cref="ClaimTimeout"/>, longer than this) or when that instance leaves them behind (it then looks at once).
    /// </summary>
    public TimeSpan QuietInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claim holds; the host that saved a turn owns its rows this long before the dispatcher may take over.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long finishing a piece of work may take once it is stopped (the host shutting down): deleting the rows
    /// done and handing back the rows still claimed, so the next instance need not wait for the claims to run out.
    /// </summary>
    public TimeSpan FinishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many failed tries a row gets before it is logged and dropped.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; doubled after each further one.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between tries.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A group stays on the pending list this long after it was last listed, even with no rows.</summary>
    public TimeSpan PendingRetention { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The wait before a failed row is tried again, after <paramref name="attempts"/> failures.</summary>
    public TimeSpan Backoff(int attempts, TimeSpan? retryAfter)
    {
        var doubled = FirstBackoff * Math.Pow(2, Math.Clamp(attempts - 1, 0, 16));
        var wait = doubled > MaxBackoff ? MaxBackoff : doubled;
        return retryAfter is { } asked && asked > wait ? (asked > MaxBackoff ? MaxBackoff : asked) : wait;
    }
}
