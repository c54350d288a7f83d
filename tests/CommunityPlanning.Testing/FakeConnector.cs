using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Testing;

/// <summary>One call the bot made to the fake Connector.</summary>
/// <param name="Method">POST or PUT.</param>
/// <param name="Path">The request path.</param>
/// <param name="Body">The JSON body.</param>
/// <param name="Authorization">The Authorization header, if any.</param>
public sealed record ConnectorCall(string Method, string Path, JsonObject Body, string? Authorization)
{
    /// <summary>When the fake received the call (for measuring retry delays).</summary>
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The activity id the fake answered with (what the bot would later update).</summary>
    public string? SentId { get; init; }
}

/// <summary>How the fake Connector fails a call on cue.</summary>
public enum ConnectorFault
{
    /// <summary>Answers 500 Internal Server Error.</summary>
    Status500,

    /// <summary>Drops the connection without an answer (connection reset).</summary>
    Reset,

    /// <summary>Holds the call open until the bot gives up on it (a host stopping mid-send); it is never answered.</summary>
    Hold,
}

/// <summary>
/// A Bot Framework Connector on a loopback port that records every call, so tests can await what the
/// bot sends. Answers 200 with a new activity id, unless a test queues other answers or faults.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ConnectorCall> _calls = Channel.CreateUnbounded<ConnectorCall>();
    private readonly ConcurrentQueue<(int Status, string? RetryAfter, string? Body)> _answers = new();
    private readonly ConcurrentQueue<ConnectorFault> _faults = new();
    private readonly TaskCompletionSource<ConnectorCall> _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _ids;

    private FakeConnector(WebApplication app) => _app = app;

    /// <summary>The serviceUrl to put on activities.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>The members the fake serves on GET pagedmembers and GET members/{id} (reads are not in <see cref="All"/>).</summary>
    public FakeTeamsRoster Roster { get; } = new();

    /// <summary>Every call so far.</summary>
    public ConcurrentQueue<ConnectorCall> All { get; } = new();

    /// <summary>Starts a fake Connector on a free loopback port.</summary>
    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeConnector(app);
        app.Map("/{**path}", fake.HandleAsync);
        await app.StartAsync();
        fake.ServiceUrl = app.Urls.First() + "/";
        return fake;
    }

    /// <summary>Makes the next call answer with this status (and Retry-After seconds, and body).</summary>
    public void AnswerNext(int status, string? retryAfter = null, string? body = null) => _answers.Enqueue((status, retryAfter, body));

    /// <summary>Makes the next call fail this way (before any queued answers).</summary>
    public void FailNext(ConnectorFault fault) => _faults.Enqueue(fault);

    /// <summary>Completes when a call is being held open (<see cref="ConnectorFault.Hold"/>).</summary>
    public Task<ConnectorCall> Held => _held.Task;

    /// <summary>Calls that were answered 2xx for a conversation, in the order they arrived.</summary>
    public List<ConnectorCall> Delivered(string conversationId) =>
        All.Where(c => c.SentId is not null && c.Path.Contains(conversationId, StringComparison.Ordinal)).ToList();

    /// <summary>Waits for the next call (10 s at most).</summary>
    public async Task<ConnectorCall> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _calls.Reader.ReadAsync(cts.Token);
    }

    /// <summary>True when no call is waiting to be read.</summary>
    public bool IsIdle => _calls.Reader.Count == 0;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await Roster.HandleAsync(context);
            return;
        }

        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
        var call = new ConnectorCall(context.Request.Method, context.Request.Path.Value ?? string.Empty, body, context.Request.Headers.Authorization.ToString());
        if (_faults.TryDequeue(out var fault))
        {
            All.Enqueue(call with { Method = call.Method + " (" + fault + ")" });
            switch (fault)
            {
                case ConnectorFault.Status500:
                    context.Response.StatusCode = 500;
                    await context.Response.WriteAsync("{}");
                    return;
                case ConnectorFault.Reset:
                    context.Abort();
                    return;
                default:
                    _held.TrySetResult(call);
                    try
                    {
                        await new TaskCompletionSource().Task.WaitAsync(context.RequestAborted);
                    }
                    catch (OperationCanceledException)
                    {
                    }

                    return;
            }
        }

        if (_answers.TryDequeue(out var answer))
        {
            context.Response.StatusCode = answer.Status;
            if (answer.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = answer.RetryAfter;
            }

            All.Enqueue(call with { Method = call.Method + " (answered " + answer.Status + ")" });
            await context.Response.WriteAsync(answer.Body ?? "{}");
            return;
        }

        var id = "sent-" + Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture);
        call = call with { SentId = id };
        All.Enqueue(call);
        await _calls.Writer.WriteAsync(call);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($"{{\"id\":\"{id}\"}}");
    }
}
