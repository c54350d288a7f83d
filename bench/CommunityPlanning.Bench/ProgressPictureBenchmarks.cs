using BenchmarkDotNet.Attributes;
using CommunityPlanning.Bot.Progress;
using CommunityPlanning.Domain.Plans;

namespace CommunityPlanning.Bench;

/// <summary>
/// The progress card's picture: drawing it (the first request for a state) and serving it from the cache (every
/// later request for that state).
/// </summary>
[MemoryDiagnoser]
public class ProgressPictureBenchmarks
{
    private ProgressMarks _marks = null!;
    private ProgressPictureCache _cache = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (!ProgressMarks.TryParse("dddcttttt", out _marks))
        {
            throw new InvalidOperationException("Bad marks.");
        }

        _cache = new ProgressPictureCache();
        _cache.Get(_marks);
    }

    [GlobalCleanup]
    public void Cleanup() => _cache.Dispose();

    [Benchmark]
    public int Draw() => ProgressPicture.Render(_marks).Length;

    [Benchmark]
    public int Cached() => _cache.Get(_marks).Length;
}
