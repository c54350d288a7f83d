using CommunityPlanning.Slack.Api;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Slack.Tests.Api;

public sealed class ChannelPacerTests
{
    [Fact]
    public async Task WaitTurnAsync_SecondMessageToSameChannel_WaitsForTheClock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new ChannelPacer(Options.Create(new SlackOptions { MessageInterval = TimeSpan.FromSeconds(1) }), clock);

        await pacer.WaitTurnAsync("C1");
        var second = pacer.WaitTurnAsync("C1");
        var other = pacer.WaitTurnAsync("C2");

        Assert.True(other.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
