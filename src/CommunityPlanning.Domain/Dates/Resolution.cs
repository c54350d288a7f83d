namespace CommunityPlanning.Domain.Dates;

/// <summary>What one recognised phrase means: a date, or a friendly reason it names no real date.</summary>
internal readonly record struct Resolution(DateOnly Date, string? Failure)
{
    public static Resolution Ok(DateOnly date) => new(date, null);

    public static Resolution Fail(string reason) => new(default, reason);

    /// <summary>"I couldn't work out the date "31/2": February hasn't got 31 days."</summary>
    public static Resolution Invalid(string phrase, string why) => Fail(DateMessages.CouldNotWorkOut(phrase, why));
}
