using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CommunityPlanning.Storage.People;

namespace CommunityPlanning.Storage.Rights;

/// <summary>
/// A holder for a cross-group table, described by three filters: the rows about a person (exported and deleted),
/// and the rows pointing to a group (deleted with it). A null filter means the table holds no such rows.
/// Deleting by a property filter reads the whole table on the service side; these run only for a rights request
/// or a dormant group, never on a turn.
/// </summary>
/// <param name="table">The table.</param>
/// <param name="name">Its name before the prefix.</param>
/// <param name="section">The section name in "my data".</param>
/// <param name="personFilter">The rows about a person, or null.</param>
/// <param name="groupFilter">The rows pointing to a group, or null.</param>
public sealed class TableHolder(TableClient table, string name, string section, Func<PersonScope, IEnumerable<string>>? personFilter, Func<string, string>? groupFilter) : IDataHolder
{
    /// <inheritdoc />
    public IReadOnlyList<string> Tables => [name];

    /// <inheritdoc />
    public async Task ExportPersonAsync(PersonScope scope, JsonObject into, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (personFilter is null)
        {
            return;
        }

        var rows = new JsonArray();
        foreach (var filter in personFilter(scope))
        {
            foreach (var row in await TableRows.ReadWhereAsync(table, filter, cancellationToken).ConfigureAwait(false))
            {
                rows.Add(row!.DeepClone());
            }
        }

        into[section] = rows;
    }

    /// <inheritdoc />
    public async Task ErasePersonAsync(PersonErasure erasure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        if (personFilter is null)
        {
            return;
        }

        foreach (var filter in personFilter(new PersonScope(erasure.Person, erasure.Groups)))
        {
            await TableRows.DeleteWhereAsync(table, filter, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task DeleteGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        groupFilter is null ? Task.CompletedTask : TableRows.DeleteWhereAsync(table, groupFilter(groupId), cancellationToken);

    /// <summary>"my actions": the person's partition (one per id); a group's rows by their GroupId.</summary>
    public static TableHolder Assignees(TableClient table, string name) => new(
        table, name, "actionsAssignedToYou",
        s => s.Person.IndexKeys.Select(k => TableClient.CreateQueryFilter($"PartitionKey eq {KeyCodec.Encode(k)}")),
        g => TableClient.CreateQueryFilter($"GroupId eq {g}"));

    /// <summary>Reminders: the person's by OwnerId; a group's (reminders and digests) by GroupId.</summary>
    public static TableHolder Reminders(TableClient table, string name) => new(
        table, name, "reminders",
        s => s.Person.RawIds.Select(id => TableClient.CreateQueryFilter($"OwnerId eq {id}")),
        g => TableClient.CreateQueryFilter($"GroupId eq {g}"));

    /// <summary>The person's 1:1 chat reference (one row per id); nothing per group.</summary>
    public static TableHolder People(TableClient table, string name) => new(
        table, name, "privateChat",
        s => s.Person.RawIds.Select(id => TableClient.CreateQueryFilter(
            $"PartitionKey eq {TablePersonalConversationStore.PartitionKey(s.Person.Channel, s.Person.Tenant)} and RowKey eq {TablePersonalConversationStore.RowKey(id)}")),
        null);

    /// <summary>Open meetings: no person data; a group's rows by GroupId.</summary>
    public static TableHolder OpenMeetings(TableClient table, string name) => new(
        table, name, "openMeetings", null, g => TableClient.CreateQueryFilter($"GroupId eq {g}"));

    /// <summary>The outbox dispatcher's list of groups: no person data; the group's pointer row.</summary>
    public static TableHolder OutboxGroups(TableClient table, string name) => new(
        table, name, "outboxGroups", null, g => TableClient.CreateQueryFilter($"RowKey eq {g}"));

    /// <summary>The person's groups: their partitions; a group's rows in every partition.</summary>
    public static TableHolder PersonGroups(TableClient table) => new(
        table, PersonGroupsTable.TableName, "groupsYouAreIn",
        s => s.Person.IndexKeys.Select(k => TableClient.CreateQueryFilter($"PartitionKey eq {KeyCodec.Encode(k)}")),
        g => TableClient.CreateQueryFilter($"RowKey eq {KeyCodec.Encode(g)}"));

    /// <summary>
    /// Acknowledged Slack work not finished yet: rows live for seconds and are keyed by Slack's delivery, not by
    /// person or group, so there is nothing to find; a forgotten person's message still waiting is them speaking again.
    /// </summary>
    public static TableHolder Work(TableClient table, string name) => new(table, name, "pendingWork", null, null);

    /// <summary>Data-rights jobs: a job holds a person's ids only while it runs and is deleted when done.</summary>
    public static TableHolder Jobs(TableClient table) => new(table, RightsJobs.TableName, "requests", null, null);

    /// <summary>Rosters: the person's rows in every group (by their channel user id or directory id); a group's partition.</summary>
    public static TableHolder Rosters(TableClient table) => new(
        table, CommunityPlanning.Storage.Rosters.TableRosterStore.TableName, "rosters",
        s => s.Person.RawIds.SelectMany(id => new[]
        {
            TableClient.CreateQueryFilter($"UserId eq {id}"),
            TableClient.CreateQueryFilter($"AadObjectId eq {id}"),
        }),
        g => TableClient.CreateQueryFilter($"PartitionKey eq {g}"));

    /// <summary>The groups of each workspace: no person data; the group's row (one per workspace it was seen in).</summary>
    public static TableHolder WorkspaceGroups(TableClient table) => new(
        table, Dormancy.WorkspaceGroupsTable.TableName, "workspaceGroups", null, g => TableClient.CreateQueryFilter($"RowKey eq {KeyCodec.Encode(g)}"));

    /// <summary>
    /// Slack installations: a workspace's sealed bot token and the bot's own user id, no person's data and nothing
    /// per group; an installation goes when the workspace removes the app.
    /// </summary>
    public static TableHolder SlackInstallations(TableClient table) => new(
        table, Installations.TableInstallationStore.TableName, "slackInstallations", null, null);

    /// <summary>Dormant groups (bot uninstalled): the group's row, deleted last so a stopped sweep is taken up again.</summary>
    public static TableHolder Dormant(TableClient table) => new(
        table, Dormancy.DormantGroupsTable.TableName, "dormantGroups", null, g => TableClient.CreateQueryFilter($"PartitionKey eq {Dormancy.DormantGroupsTable.Partition} and RowKey eq {KeyCodec.Encode(g)}"));
}
