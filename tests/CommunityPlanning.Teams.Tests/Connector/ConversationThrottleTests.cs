using CommunityPlanning.Teams.Connector;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Teams.Tests.Connector;

public sealed class ConversationThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Throttle_EighthSendInOneSecond_WaitsUntilTheFirstIsASecondOld()
    {
        var throttle = new ConversationThrottle(_clock);
        for (var i = 0; i < 7; i++)
        {
            Assert.True(throttle.TryAcquire("conv", out _));
            _clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.False(throttle.TryAcquire("conv", out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(300), wait);
        Assert.True(throttle.TryAcquire("other", out _));
    }

    [Fact]
    public void Throttle_ManyConversationsOverTime_ForgetsTheIdleOnes_KeepsTheBusyOnesLimits()
    {
        var throttle = new ConversationThrottle(_clock);
        for (var i = 0; i < 7; i++)
        {
            Assert.True(throttle.TryAcquire("busy", out _));
        }

        for (var i = 0; i < ConversationThrottle.PruneAbove; i++)
        {
            Assert.True(throttle.TryAcquire($"conv-{i}", out _));
        }

        Assert.Equal(ConversationThrottle.PruneAbove + 1, throttle.Tracked);

        // Half a minute later, one more conversation: every window with no send in the last 30 s goes.
        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.True(throttle.TryAcquire("busy", out _));
        Assert.True(throttle.TryAcquire("new", out _));

        Assert.Equal(2, throttle.Tracked);
        for (var i = 0; i < 6; i++)
        {
            Assert.True(throttle.TryAcquire("busy", out _));
        }

        Assert.False(throttle.TryAcquire("busy", out _));
    }
}
