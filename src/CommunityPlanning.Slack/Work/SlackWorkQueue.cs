using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack.Work;

/// <summary>
/// The bounded in-process queue between Slack's 3-second acknowledgement and the turn. Work is
/// spread over lanes by conversation, so one conversation's turns run in order while others run
/// alongside. When a lane is full the request is refused (503) and Slack retries.
/// </summary>
internal sealed class SlackWorkQueue
{
    private readonly Channel<SlackWork>[] _lanes;

    public SlackWorkQueue(IOptions<SlackOptions> options)
    {
        var settings = options.Value;
        var lanes = Math.Clamp(settings.Workers, 1, 64);
        var capacity = Math.Max(1, settings.QueueCapacity / lanes);
        _lanes = Enumerable.Range(0, lanes)
            .Select(_ => Channel.CreateBounded<SlackWork>(new BoundedChannelOptions(capacity)
            {
                FullMode = BoundedChannelFullMode.Wait,
                SingleReader = true,
                SingleWriter = false,
            }))
            .ToArray();
    }

    public IEnumerable<ChannelReader<SlackWork>> Lanes => _lanes.Select(l => l.Reader);

    /// <summary>Queues work; false when its lane is full.</summary>
    public bool TryEnqueue(SlackWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var lane = (int)((uint)StringComparer.Ordinal.GetHashCode(work.Lane) % (uint)_lanes.Length);
        return _lanes[lane].Writer.TryWrite(work);
    }

    /// <summary>Stops taking work (at shutdown).</summary>
    public void Complete()
    {
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }
    }
}
