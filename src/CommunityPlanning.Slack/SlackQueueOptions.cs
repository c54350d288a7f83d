namespace CommunityPlanning.Slack;

/// <summary>
/// How Slack work is taken from the durable queue. Bound from the <c>Slack:Queue</c> configuration section.
/// </summary>
public sealed class SlackQueueOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Slack:Queue";

    /// <summary>How often the queue is polled when nothing wakes the worker (work stored by another instance, retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long taken work stays hidden from other workers; it must cover waiting in a lane and the turn.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait before failed work is tried again, multiplied by the attempts so far.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How many times work may be taken; past that it goes to the poison queue.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How many pieces of stored work one instance holds at once.</summary>
    public int MaxHeld { get; set; } = 32;
}
