using CommunityPlanning.Slack.Work;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack.Tests.Inbound;

public sealed class SlackWorkQueueTests
{
    [Fact]
    public void TryEnqueue_LaneFull_ReturnsFalse()
    {
        var queue = new SlackWorkQueue(Options.Create(new SlackOptions { QueueCapacity = 2, Workers = 1 }));
        InboundWork Work(int i) => new(new SlackTarget("T1", "C1", "U1"), "evt:" + i, null, "help", [], null);

        Assert.True(queue.TryEnqueue(Work(1)));
        Assert.True(queue.TryEnqueue(Work(2)));
        Assert.False(queue.TryEnqueue(Work(3)));
    }
}
