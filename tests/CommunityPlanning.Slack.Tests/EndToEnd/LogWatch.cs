using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Slack.Tests.EndToEnd;

/// <summary>Records the event ids a host logs, so a test can await one instead of waiting a while.</summary>
public sealed class LogWatch : ILoggerProvider, ILogger
{
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<int, int> _counts = new();
    private readonly List<(int EventId, int Count, TaskCompletionSource Done)> _waiters = [];

    /// <summary>How many times the event id was logged.</summary>
    public int Count(int eventId) => _counts.GetValueOrDefault(eventId);

    /// <summary>Completes once the event id has been logged <paramref name="times"/> times.</summary>
    public Task WaitForAsync(int eventId, int times = 1)
    {
        lock (_gate)
        {
            if (Count(eventId) >= times)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((eventId, times, done));
            return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id == 0)
        {
            return;
        }

        List<TaskCompletionSource> ready;
        lock (_gate)
        {
            var count = _counts.AddOrUpdate(eventId.Id, 1, (_, c) => c + 1);
            var matched = _waiters.Where(w => w.EventId == eventId.Id && count >= w.Count).ToList();
            _waiters.RemoveAll(matched.Contains);
            ready = matched.Select(w => w.Done).ToList();
        }

        foreach (var done in ready)
        {
            done.TrySetResult();
        }
    }

    public void Dispose()
    {
    }
}
