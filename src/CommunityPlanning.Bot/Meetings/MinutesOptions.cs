namespace CommunityPlanning.Bot.Meetings;

/// <summary>Minutes downloads. Bound from <c>Minutes</c>; the links are signed by the host's link signer (<c>Links:</c>).</summary>
internal sealed class MinutesOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Minutes";

    /// <summary>How long a minutes link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);
}
