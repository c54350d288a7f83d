namespace CommunityPlanning.Bot.Playground.Gallery;

/// <summary>The gallery's clock: a fixed Wednesday evening in March, moved on by the script.</summary>
internal sealed class GalleryClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2025, 3, 12, 18, 30, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
