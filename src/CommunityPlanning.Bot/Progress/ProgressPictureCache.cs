using CommunityPlanning.Domain.Plans;
using Microsoft.Extensions.Caching.Memory;

namespace CommunityPlanning.Bot.Progress;

/// <summary>
/// The pictures drawn, by their marks' code (the whole of what a picture depends on), at most
/// <see cref="Capacity"/> of them. Groups move through the same few states, so most requests are served from here;
/// the cache is bounded so odd links cannot fill memory, and losing it costs only a redraw.
/// </summary>
internal sealed class ProgressPictureCache : IDisposable
{
    /// <summary>The most pictures kept.</summary>
    public const int Capacity = 128;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>How many pictures were drawn (not found here).</summary>
    public int Drawn => _drawn;

    private int _drawn;

    /// <summary>The picture of <paramref name="marks"/>, drawn once and kept.</summary>
    public byte[] Get(ProgressMarks marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        if (_cache.TryGetValue(marks.Code, out byte[]? png) && png is not null)
        {
            return png;
        }

        png = ProgressPicture.Render(marks);
        Interlocked.Increment(ref _drawn);
        _cache.Set(marks.Code, png, new MemoryCacheEntryOptions { Size = 1 });
        return png;
    }

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();
}
