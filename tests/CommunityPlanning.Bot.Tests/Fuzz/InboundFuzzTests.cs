using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CommunityPlanning.Bot.Tests.Teams;
using CommunityPlanning.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CommunityPlanning.Bot.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of every inbound endpoint through the real host on Kestrel: /api/messages with
/// authentication on (a valid token on every request) and the three Slack endpoints (a valid signature on
/// every request), so each mutated payload reaches the parsers. The property: no response is a server
/// error, and a refused payload writes nothing. Seeded, so a failing case can be replayed.
/// </summary>
public sealed class InboundFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 2025_03_14;
    private const int Cases = 800;
    private const string SlackSecret = "fuzz-signing-secret-0123456789abcdef0123";
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    private readonly TeamsEnvironment _environment = new();
    private TeamsHost _host = null!;

    public async Task InitializeAsync()
    {
        await _environment.InitializeAsync();
        _host = _environment.StartHost(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackSecret,
            ["Slack:BotToken"] = "xoxb-fuzz",
            // Nothing listens there: replies fail fast, which is all the fuzz needs of the Web API.
            ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/",
            ["Slack:MessageInterval"] = "00:00:00",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _environment.DisposeAsync();
    }

    [Fact]
    public async Task Endpoints_MutatedPayloads_NoServerErrorAndNoWritesWhenRefused()
    {
        var random = new Random(Seed);
        var mutator = new JsonMutator(random);
        var bearer = _environment.Bearer();
        var clock = _host.Services.GetRequiredService<TimeProvider>();
        var serverErrors = new List<string>();
        var refused = new List<(int Index, string Group, string Description)>();
        var byEndpoint = new Dictionary<string, int>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        var ran = 0;
        for (var i = 0; i < Cases && watch.Elapsed < Budget; i++, ran++)
        {
            var kind = i % 4;
            var seed = random.Next();
            var (path, body, contentType, group, description) = kind switch
            {
                0 => Teams(i, seed, random, mutator),
                1 => Slack("/api/slack/events", i, mutator.Mutate(FuzzCorpus.SlackEvent(seed, i)), random, mutator, json: true),
                2 => Command(i, random),
                _ => Slack("/api/slack/interactions", i, mutator.Mutate(FuzzCorpus.SlackInteraction(seed, i)), random, mutator, json: false),
            };
            byEndpoint[path] = byEndpoint.GetValueOrDefault(path) + 1;

            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            if (kind == 0)
            {
                request.Headers.TryAddWithoutValidation("Authorization", bearer);
            }
            else
            {
                var ts = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                request.Headers.Add("X-Slack-Request-Timestamp", ts);
                request.Headers.Add("X-Slack-Signature", Sign(ts, body));
            }

            int status;
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
            {
                try
                {
                    using var response = await _host.Client.SendAsync(request, timeout.Token);
                    status = (int)response.StatusCode;
                }
                catch (OperationCanceledException)
                {
                    status = 0;
                }
            }

            if (status is 0 or >= 500)
            {
                serverErrors.Add($"#{i} {path} → {(status == 0 ? "no answer" : status.ToString(CultureInfo.InvariantCulture))}: {description}");
            }
            else if (status >= 400)
            {
                refused.Add((i, group, description));
                AssertNoWrites(group, $"#{i} {path} → {status}: {description}");
            }
        }

        // Slack work is queued: check again at the end that no refused payload wrote anything later.
        foreach (var (index, group, description) in refused)
        {
            AssertNoWrites(group, $"#{index} (re-checked): {description}");
        }

        var summary = $"Fuzz: {ran} cases ({string.Join(", ", byEndpoint.Select(e => $"{e.Value} {e.Key}"))}), {serverErrors.Count} server errors, {refused.Count} refused with no writes; seed {Seed}, {watch.Elapsed.TotalSeconds:0.0} s";
        output.WriteLine(summary);
        Console.Error.WriteLine(summary);
        foreach (var error in serverErrors.Take(20))
        {
            output.WriteLine(error);
        }

        Assert.True(serverErrors.Count == 0, string.Join('\n', serverErrors.Take(20)));
        Assert.True(ran >= 200, $"Only {ran} cases ran in {Budget.TotalSeconds} s.");
    }

    private (string, byte[], string, string, string) Teams(int index, int seed, Random random, JsonMutator mutator)
    {
        var activity = FuzzCorpus.Teams(seed, index, _environment.Connector.ServiceUrl);
        var (body, description) = random.Next(20) switch
        {
            0 => (Encoding.UTF8.GetBytes(activity.ToJsonString()), "unmutated"),
            1 => mutator.NotAnObject(),
            _ => mutator.Mutate(activity),
        };
        return ("/api/messages", body, "application/json", FuzzCorpus.TeamsGroup(index), description);
    }

    private static (string, byte[], string, string, string) Slack(string path, int index, (byte[] Body, string Description) mutated, Random random, JsonMutator mutator, bool json)
    {
        var (body, description) = random.Next(20) == 0 ? mutator.NotAnObject() : mutated;
        if (!json)
        {
            var form = new StringBuilder(random.Next(15) == 0 ? "payload=" + PercentEncode(body) + "&payload=" : "payload=");
            form.Append(PercentEncode(body));
            body = Encoding.ASCII.GetBytes(form.ToString());
        }

        return (path, body, json ? "application/json" : "application/x-www-form-urlencoded", FuzzCorpus.SlackGroup(index), description);
    }

    private static (string, byte[], string, string, string) Command(int index, Random random)
    {
        var fields = FuzzCorpus.SlackCommand(index).Select(f => (f.Key, Value: PercentEncode(Encoding.UTF8.GetBytes(f.Value)))).ToList();
        var at = random.Next(fields.Count);
        var name = fields[at].Key;
        string description;
        switch (random.Next(8))
        {
            case 0:
                fields.RemoveAt(at);
                description = $"{name} removed";
                break;
            case 1:
                fields[at] = (name, new string('x', random.Next(10_000, 300_000)));
                description = $"{name} huge";
                break;
            case 2:
                fields[at] = (name, random.Next(2) == 0 ? "%C3%28" : "%FF%FE%ED%A0%80");
                description = $"{name} invalid UTF-8";
                break;
            case 3:
                fields.Add((name, "other"));
                description = $"{name} repeated";
                break;
            case 4:
                fields[at] = (name, string.Empty);
                description = $"{name} empty";
                break;
            case 5:
                fields[at] = (name, "%25%%zz%0");
                description = $"{name} bad escapes";
                break;
            case 6:
                return ("/api/slack/commands", Encoding.UTF8.GetBytes("{\"command\":\"/plan\"}"), "application/x-www-form-urlencoded", FuzzCorpus.SlackGroup(index), "JSON body");
            default:
                fields[at] = (name, PercentEncode(Encoding.UTF8.GetBytes("<@U2|ann> <!channel> " + new string('*', 3000))));
                description = $"{name} markup";
                break;
        }

        var body = Encoding.ASCII.GetBytes(string.Join('&', fields.Select(f => f.Key + "=" + f.Value)));
        return ("/api/slack/commands", body, "application/x-www-form-urlencoded", FuzzCorpus.SlackGroup(index), description);
    }

    private void AssertNoWrites(string group, string what)
    {
        var table = new TableClient(Azurite.ConnectionString, _host.TablePrefix + "plans");
        try
        {
            var rows = table.Query<TableEntity>(e => e.PartitionKey == group, maxPerPage: 1).Take(1).Count();
            Assert.True(rows == 0, "A refused payload wrote to its group. " + what);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // No table yet: nothing was written anywhere.
        }
    }

    private static string Sign(string ts, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{ts}:");
        byte[] signed = [.. prefix, .. body];
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SlackSecret), signed));
    }

    private static string PercentEncode(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
