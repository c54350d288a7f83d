namespace CommunityPlanning.Conversations.Pipeline;

/// <summary>
/// How a write that met someone else's change is tried again: from fresh state, a few times, after a short random
/// pause that grows with each try. Without the pause, a dozen people pressing the same meeting card at once keep
/// colliding in lock-step and the unlucky one is told "try again"; with it their saves spread out and all land.
/// </summary>
public static class ConflictRetry
{
    /// <summary>How many times a write is tried when others keep changing the same records.</summary>
    public const int MaxAttempts = 8;

    /// <summary>The longest pause before a try, in milliseconds; the first retry waits at most <see cref="FirstPauseMs"/>.</summary>
    public const int LongestPauseMs = 250;

    /// <summary>The longest pause before the second try, in milliseconds; it doubles with each try after that.</summary>
    public const int FirstPauseMs = 20;

    /// <summary>The longest pause before try <paramref name="attempt"/> (2 or more): doubling from <see cref="FirstPauseMs"/>, capped.</summary>
    public static int LongestPauseBefore(int attempt) =>
        attempt <= 1 ? 0 : Math.Min(LongestPauseMs, FirstPauseMs << Math.Min(attempt - 2, 10));

    /// <summary>
    /// Waits before try <paramref name="attempt"/>: nothing before the first, otherwise a random pause up to
    /// <see cref="LongestPauseBefore"/> ("full jitter", so colliding writers do not wake together).
    /// </summary>
    public static Task PauseAsync(int attempt, CancellationToken cancellationToken)
    {
        var longest = LongestPauseBefore(attempt);
        return longest == 0 ? Task.CompletedTask : Task.Delay(Random.Shared.Next(1, longest + 1), cancellationToken);
    }
}
