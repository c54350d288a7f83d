using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Bot.Tests.Meetings;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Testing;

namespace CommunityPlanning.Bot.Tests.Rights;

/// <summary>Steps shared by the data-rights tests: people, groups, reading every table of a host.</summary>
internal static partial class RightsFlow
{
    public const string Channel = "emulator";
    public const string Tenant = "tenant-1";
    public const string BobId = "29:bob-user-0001";
    public const string BobDirectoryId = "aad-bob-object-0001";

    public static string GroupOf(string conversation) => GroupIds.For(Channel, Tenant, conversation);

    /// <summary>A message from Bob, with his directory id as Teams sends it.</summary>
    public static JsonObject FromBob(Activities activities, string text)
    {
        var activity = activities.Message(text, BobId, "Bob");
        activity["from"]!["aadObjectId"] = BobDirectoryId;
        return activity;
    }

    /// <summary>A card submission from Bob.</summary>
    public static JsonObject SubmitFromBob(Activities activities, string verb, string conversation)
    {
        var activity = activities.Submit(verb, new JsonObject { ["g"] = GroupOf(conversation) }, null, BobId, "Bob");
        activity["from"]!["aadObjectId"] = BobDirectoryId;
        return activity;
    }

    /// <summary>"action @Bob …" with Bob's mention entity, sent by Ann.</summary>
    public static JsonObject ActionForBob(Activities activities, string title)
    {
        var action = activities.Message($"action <at>Bob</at> {title} by 31/12/2099", "u-ann", "Ann");
        action["entities"] = new JsonArray { new JsonObject { ["type"] = "mention", ["text"] = "<at>Bob</at>", ["mentioned"] = new JsonObject { ["id"] = BobId, ["name"] = "Bob" } } };
        return action;
    }

    /// <summary>
    /// Moves the clock on 3 seconds (the Connector throttle counts sends per second on the host's clock), posts,
    /// and checks the host answered 200.
    /// </summary>
    public static async Task PostAsync(FakeClockHost host, JsonObject activity)
    {
        host.Clock.Advance(TimeSpan.FromSeconds(3));
        var response = await host.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Every row of every table the host's prefix names: (table, entity).</summary>
    public static async Task<List<(string Table, TableEntity Row)>> AllRowsAsync(string prefix)
    {
        var service = new TableServiceClient(Azurite.ConnectionString);
        var rows = new List<(string, TableEntity)>();
        await foreach (var table in service.QueryAsync(t => t.Name.CompareTo(prefix) >= 0 && t.Name.CompareTo(prefix + "~") < 0))
        {
            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows.Add((table.Name[prefix.Length..], row));
            }
        }

        return rows;
    }

    /// <summary>Every string in a row: keys and property values (record JSON chunks joined, as the mapping reads them).</summary>
    public static string TextOf(TableEntity row)
    {
        var data = string.Concat(Enumerable.Range(0, 15).Select(i => row.GetString(i == 0 ? "Data" : "Data" + i) ?? string.Empty));
        var others = row.Where(p => !p.Key.StartsWith("Data", StringComparison.Ordinal) && p.Value is string).Select(p => (string)p.Value!);
        return string.Join("\n", [row.PartitionKey, row.RowKey, data, .. others]);
    }

    /// <summary>The first signed link to <paramref name="path"/> in the calls' text.</summary>
    public static Uri LinkIn(string text, string path)
    {
        var match = Regex.Match(text, @"https?://\S+" + Regex.Escape(path) + @"\S+?\?expires=\d+&kid=[a-z0-9-]+&sig=[A-Za-z0-9_-]+");
        Assert.True(match.Success, "No link in:\n" + text);
        return new Uri(match.Value);
    }

    /// <summary>The text of the next call and of every call already waiting after it.</summary>
    public static async Task<string> NextTextsAsync(FakeConnector connector)
    {
        var texts = new List<string> { Clean(await connector.NextAsync(TimeSpan.FromSeconds(30))) };
        while (!connector.IsIdle)
        {
            texts.Add(Clean(await connector.NextAsync()));
        }

        return string.Join("\n", texts);
    }

    /// <summary>Reads calls until one's text contains <paramref name="wanted"/>; returns that text.</summary>
    public static async Task<string> UntilAsync(FakeConnector connector, string wanted)
    {
        var seen = new List<string>();
        while (true)
        {
            string text;
            try
            {
                text = Clean(await connector.NextAsync(TimeSpan.FromSeconds(seen.Count == 0 ? 30 : 10)));
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException($"Nothing said \"{wanted}\"; the bot said:\n" + string.Join("\n---\n", seen));
            }

            if (text.Contains(wanted, StringComparison.Ordinal))
            {
                return text;
            }

            seen.Add(text);
        }
    }

    // Adaptive Card text escapes "_" with a backslash.
    private static string Clean(ConnectorCall call) => call.AllText().Replace("\\_", "_", StringComparison.Ordinal);
}
