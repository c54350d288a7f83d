using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Slack.Tests.EndToEnd;

/// <summary>One call the bot made to the fake Slack Web API.</summary>
public sealed record RecordedCall(string Method, JsonObject Body, string? Authorization, JsonObject Response);

/// <summary>
/// A tiny Slack Web API on loopback: records every call and answers ok:true (or what a test asks for).
/// Tests await calls with <see cref="WaitForAsync"/>, never a delay.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    public const string BotUserId = "UBOT";
    private readonly object _gate = new();
    private readonly List<RecordedCall> _calls = [];
    private readonly List<(string Method, Func<RecordedCall, bool> Match, TaskCompletionSource<RecordedCall> Done)> _waiters = [];
    private readonly HashSet<string> _held = [];
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;
    private int _ts;

    /// <summary>Display names returned by users.info.</summary>
    public Dictionary<string, string> Names { get; } = new() { ["U1"] = "Alex Smith", ["U2"] = "Sam Jones" };

    /// <summary>Members per channel served by conversations.members, in pages of <see cref="MemberPageSize"/>; other channels answer not_in_channel.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string[]> ChannelMembers { get; } = new();

    /// <summary>Members per conversations.members page, whatever limit the bot asks for (small, so tests see paging).</summary>
    public int MemberPageSize { get; set; } = 2;

    /// <summary>People users.info reports as guests (is_restricted).</summary>
    public HashSet<string> Guests { get; } = [];

    /// <summary>What oauth.v2.access answers for each code (the real shape); other codes get invalid_code.</summary>
    public Dictionary<string, JsonObject> OAuthCodes { get; } = [];

    /// <summary>Lets a test answer a call itself (return null for the normal answer).</summary>
    public Func<string, JsonObject, IResult?>? Override { get; set; }

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeSlackApi> StartAsync()
    {
        var fake = new FakeSlackApi();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/api/{method}", (string method, HttpContext http) => fake.HandleAsync(method, http));
        await app.StartAsync();
        fake._app = app;
        fake.BaseUrl = new Uri(app.Urls.First() + "/api/");
        return fake;
    }

    /// <summary>
    /// Holds every call to the method open (recorded when it arrives) until <see cref="ReleaseHeld"/> or
    /// until the caller gives up: a worker held mid-turn, without any delay.
    /// </summary>
    public void Hold(string method)
    {
        lock (_gate)
        {
            _held.Add(method);
        }
    }

    /// <summary>Answers the held calls normally, and stops holding.</summary>
    public void ReleaseHeld()
    {
        TaskCompletionSource release;
        lock (_gate)
        {
            _held.Clear();
            release = _release;
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        release.TrySetResult();
    }

    public IReadOnlyList<RecordedCall> Calls(string method)
    {
        lock (_gate)
        {
            return _calls.Where(c => c.Method == method).ToList();
        }
    }

    /// <summary>The first call (past or future) to the method that matches.</summary>
    public Task<RecordedCall> WaitForAsync(string method, Func<RecordedCall, bool>? match = null)
    {
        match ??= _ => true;
        lock (_gate)
        {
            var done = _calls.FirstOrDefault(c => c.Method == method && match(c));
            if (done is not null)
            {
                return Task.FromResult(done);
            }

            var waiter = new TaskCompletionSource<RecordedCall>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((method, match, waiter));
            return waiter.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> HandleAsync(string method, HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        JsonObject body;
        if (http.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
        {
            body = JsonNode.Parse(text)!.AsObject();
        }
        else
        {
            body = [];
            foreach (var (key, value) in QueryHelpers.ParseQuery(text))
            {
                body[key] = value.ToString();
            }
        }

        Task? release = null;
        lock (_gate)
        {
            if (_held.Contains(method))
            {
                release = _release.Task;
            }
        }

        if (release is not null)
        {
            Record(new RecordedCall(method, body, http.Request.Headers.Authorization, new JsonObject { ["ok"] = false, ["held"] = true }));
            var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (http.RequestAborted.Register(() => aborted.TrySetResult()))
            {
                await Task.WhenAny(release, aborted.Task);
            }

            if (http.RequestAborted.IsCancellationRequested)
            {
                return TypedResults.Empty;
            }

            return TypedResults.Json(Answer(method, body));
        }

        var custom = Override?.Invoke(method, body);
        if (custom is not null)
        {
            Record(new RecordedCall(method, body, http.Request.Headers.Authorization, new JsonObject { ["ok"] = false }));
            return custom;
        }

        var response = Answer(method, body);
        Record(new RecordedCall(method, body, http.Request.Headers.Authorization, response));
        return TypedResults.Json(response);
    }

    private JsonObject Answer(string method, JsonObject body)
    {
        var ts = "1700000000." + Interlocked.Increment(ref _ts).ToString("D6", CultureInfo.InvariantCulture);
        return method switch
        {
            "chat.postMessage" => new JsonObject { ["ok"] = true, ["channel"] = body["channel"]?.GetValue<string>(), ["ts"] = ts },
            "chat.update" => new JsonObject { ["ok"] = true, ["channel"] = body["channel"]?.GetValue<string>(), ["ts"] = body["ts"]?.GetValue<string>() },
            "chat.postEphemeral" => new JsonObject { ["ok"] = true, ["message_ts"] = ts },
            "views.open" or "views.update" => new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V" + ts } },
            "users.info" => UserInfo(body["user"]?.GetValue<string>() ?? "?"),
            "auth.test" => new JsonObject { ["ok"] = true, ["user_id"] = BotUserId, ["team_id"] = "T1" },
            "conversations.members" => Members(body),
            "oauth.v2.access" => OAuthCodes.TryGetValue(body["code"]?.GetValue<string>() ?? string.Empty, out var granted)
                ? granted.DeepClone().AsObject()
                : new JsonObject { ["ok"] = false, ["error"] = "invalid_code" },
            "conversations.open" => new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D" + body["users"]?.GetValue<string>() } },
            _ => new JsonObject { ["ok"] = true },
        };
    }

    private JsonObject Members(JsonObject body)
    {
        if (!ChannelMembers.TryGetValue(body["channel"]?.GetValue<string>() ?? string.Empty, out var members))
        {
            return new JsonObject { ["ok"] = false, ["error"] = "not_in_channel" };
        }

        var start = int.TryParse(body["cursor"]?.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var next = start + MemberPageSize < members.Length ? (start + MemberPageSize).ToString(CultureInfo.InvariantCulture) : string.Empty;
        return new JsonObject
        {
            ["ok"] = true,
            ["members"] = new JsonArray(members.Skip(start).Take(MemberPageSize).Select(m => (JsonNode)JsonValue.Create(m)).ToArray()),
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        };
    }

    private JsonObject UserInfo(string id) => new()
    {
        ["ok"] = true,
        ["user"] = new JsonObject
        {
            ["id"] = id,
            ["name"] = id.ToLowerInvariant(),
            ["is_bot"] = id == BotUserId,
            ["is_restricted"] = Guests.Contains(id),
            ["is_ultra_restricted"] = false,
            ["profile"] = new JsonObject { ["display_name"] = Names.GetValueOrDefault(id, string.Empty), ["real_name"] = "Real " + id },
        },
    };

    private void Record(RecordedCall call)
    {
        List<TaskCompletionSource<RecordedCall>> ready;
        lock (_gate)
        {
            _calls.Add(call);
            var matched = _waiters.Where(w => w.Method == call.Method && w.Match(call)).ToList();
            _waiters.RemoveAll(w => matched.Contains(w));
            ready = matched.Select(w => w.Done).ToList();
        }

        foreach (var waiter in ready)
        {
            waiter.TrySetResult(call);
        }
    }
}
