namespace CommunityPlanning.Conversations.Reminders;

/// <summary>How the reminder dispatcher runs. The defaults suit production.</summary>
public sealed class ReminderOptions
{
    /// <summary>This instance's name on the rows it claims; unique per running process.</summary>
    public string InstanceId { get; set; } = $"{Environment.MachineName}-{Guid.NewGuid():N}";

    /// <summary>How often the dispatcher looks for due rows.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A claim older than this that never finished may be taken over (the claimant probably crashed).</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many days back to look for rows missed while no instance was running.</summary>
    public int LookbackDays { get; set; } = 7;

    /// <summary>How many claims a row gets before the dispatcher gives up on it.</summary>
    public int MaxAttempts { get; set; } = 5;
}
