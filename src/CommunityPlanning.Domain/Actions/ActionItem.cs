using System.Globalization;
using System.Text.Json.Serialization;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Actions;

/// <summary>
/// An action the steering group has agreed: what, who, by when, and how it is going. Each change is a new
/// record with one more line of history and a higher <see cref="Revision"/>.
/// </summary>
/// <param name="Id">The group's number for it: 1, 2, 3…</param>
/// <param name="Title">What is to be done.</param>
/// <param name="Step">The plan step it belongs to, 1 to 9.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="CreatedAt">When.</param>
[GroupRecord(Kind)]
public sealed record ActionItem(int Id, string Title, int Step, MemberRef CreatedBy, DateTimeOffset CreatedAt) : IGroupRecord
{
    /// <summary>The key kind of action records.</summary>
    public const string Kind = "action";

    /// <summary>The longest title we accept.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>How many history entries are kept (the oldest go first), to keep the record small.</summary>
    public const int MaxHistory = 50;

    /// <summary>How many progress notes are kept.</summary>
    public const int MaxNotes = 20;

    /// <summary>The longest progress note we accept.</summary>
    public const int MaxNoteLength = 500;

    /// <summary>The largest action number (keys hold five digits).</summary>
    public const int MaxId = 99_999;

    /// <summary>The key prefix of every action.</summary>
    public static readonly string Prefix = Kind + RecordKeys.Separator;

    /// <summary>Who is doing it; null while nobody is.</summary>
    public MemberRef? Owner { get; init; }

    /// <summary>The owner's key across groups (see <see cref="AssigneeKeys"/>), for their "my actions" list.</summary>
    public string? OwnerKey { get; init; }

    /// <summary>The day it is due (London), if set.</summary>
    public DateOnly? Due { get; init; }

    /// <summary>Where it has got to.</summary>
    public ActionStatus Status { get; init; } = ActionStatus.NotStarted;

    /// <summary>Red, amber or green, when the group rates it.</summary>
    public RagRating? Rag { get; init; }

    /// <summary>Percent complete, 0 to 100.</summary>
    public int PercentComplete { get; init; }

    /// <summary>Progress notes, oldest first (at most <see cref="MaxNotes"/>).</summary>
    public IReadOnlyList<ActionNote> Notes { get; init; } = [];

    /// <summary>The meeting it was agreed at, when the meetings feature records one.</summary>
    public string? MeetingId { get; init; }

    /// <summary>What changed, oldest first (at most <see cref="MaxHistory"/>).</summary>
    public IReadOnlyList<ActionHistoryEntry> History { get; init; } = [];

    /// <summary>Goes up by one with every change, so derived indexes can tell newer from older.</summary>
    public int Revision { get; init; } = 1;

    /// <summary>The id of the confirmation that created it, so a second press of the same button creates nothing.</summary>
    public string? SourceId { get; init; }

    /// <summary>Who wrote the message the action was made from ("Make an action" on a message), or null.</summary>
    public string? FromMessageBy { get; init; }

    /// <summary>A link to the message the action was made from, when the channel gave one.</summary>
    public Uri? FromMessageLink { get; init; }

    /// <summary>What the action plan says of it (issue, lead, partners, cost, funding, priority…), or null.</summary>
    public ActionPlanFields? Plan { get; init; }

    /// <summary>When it was completed or dropped.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>
    /// The id of the step-5 action plan row this action was converted from (groups stored before the action plan
    /// and chat actions were one list), so the conversion never makes the same action twice.
    /// </summary>
    public string? SourceRowId { get; init; }

    /// <summary>When the group means to look at it again (step 8 monitoring), if set.</summary>
    public DateOnly? NextReview { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => KeyFor(Id);

    /// <summary>True while it still needs doing.</summary>
    [JsonIgnore]
    public bool IsOpen => Status.IsOpen();

    /// <summary>The key of an action's record.</summary>
    public static string KeyFor(int id) => RecordKeys.Of(Kind, id.ToString("00000", CultureInfo.InvariantCulture));

    /// <summary>A new action, with "created" as its first history entry.</summary>
    public static ActionItem Create(int id, string title, int step, MemberRef by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(by);
        return new ActionItem(id, title.Trim(), step, by, at) { History = [new ActionHistoryEntry(by, at, "created")] };
    }

    /// <summary>Sets the due date; the same action when nothing changes.</summary>
    public ActionItem WithDue(DateOnly? due, MemberRef by, DateTimeOffset at) =>
        due == Due ? this : Changed(by, at, $"due date {DueText(Due)} → {DueText(due)}") with { Due = due };

    /// <summary>Gives it to someone (or nobody); the same action when nothing changes.</summary>
    public ActionItem WithOwner(MemberRef? owner, string? ownerKey, MemberRef by, DateTimeOffset at) =>
        string.Equals(owner?.Id, Owner?.Id, StringComparison.Ordinal)
            ? this
            : Changed(by, at, $"owner {Owner?.Name ?? "nobody"} → {owner?.Name ?? "nobody"}") with { Owner = owner, OwnerKey = owner is null ? null : ownerKey };

    /// <summary>Changes the status; completing or dropping records when.</summary>
    public ActionItem WithStatus(ActionStatus status, MemberRef by, DateTimeOffset at) =>
        status == Status
            ? this
            : Changed(by, at, $"status {Status.Title()} → {status.Title()}") with { Status = status, ClosedAt = status.IsOpen() ? null : at };

    /// <summary>Sets (or clears) the RAG rating.</summary>
    public ActionItem WithRag(RagRating? rag, MemberRef by, DateTimeOffset at) =>
        rag == Rag ? this : Changed(by, at, $"RAG {Rag?.Title() ?? "none"} → {rag?.Title() ?? "none"}") with { Rag = rag };

    /// <summary>Sets percent complete (0–100); a not-started action with progress is in progress.</summary>
    public ActionItem WithPercent(int percent, MemberRef by, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (percent == PercentComplete)
        {
            return this;
        }

        var changed = Changed(by, at, string.Create(CultureInfo.InvariantCulture, $"progress {PercentComplete}% → {percent}%")) with { PercentComplete = percent };
        return percent > 0 && Status == ActionStatus.NotStarted ? changed.WithStatus(ActionStatus.InProgress, by, at) : changed;
    }

    /// <summary>
    /// Adds a progress note (the oldest notes go once there are <see cref="MaxNotes"/>); with a <paramref name="token"/>
    /// already on one of its notes, the same action (the same form's Save pressed again).
    /// </summary>
    public ActionItem WithNote(string text, MemberRef by, DateTimeOffset at, string? token = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (token is not null && Notes.Any(n => string.Equals(n.Token, token, StringComparison.Ordinal)))
        {
            return this;
        }

        var note = new ActionNote(by, at, text.Trim()) { Token = token };
        return Changed(by, at, "note added") with { Notes = Bounded(Notes, note, MaxNotes) };
    }

    /// <summary>Renames it.</summary>
    public ActionItem WithTitle(string title, MemberRef by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        var trimmed = title.Trim();
        return string.Equals(trimmed, Title, StringComparison.Ordinal) ? this : Changed(by, at, "title changed") with { Title = trimmed };
    }

    /// <summary>Moves it to another plan step.</summary>
    public ActionItem WithStep(int step, MemberRef by, DateTimeOffset at) =>
        step == Step ? this : Changed(by, at, string.Create(CultureInfo.InvariantCulture, $"step {Step} → {step}")) with { Step = step };

    /// <summary>Sets (or clears) what the action plan says of it; each changed field goes into the history.</summary>
    public ActionItem WithPlan(ActionPlanFields? plan, MemberRef by, DateTimeOffset at)
    {
        var before = Plan ?? ActionPlanChanges.Empty;
        var after = plan ?? ActionPlanChanges.Empty;
        if (before == after)
        {
            return this;
        }

        var changed = Changed(by, at, "plan: " + string.Join(", ", ActionPlanChanges.Describe(before, after)));
        return changed with { Plan = ActionPlanChanges.IsEmpty(after) ? null : after };
    }

    /// <summary>Sets (or clears) the next review date.</summary>
    public ActionItem WithNextReview(DateOnly? review, MemberRef by, DateTimeOffset at) =>
        review == NextReview ? this : Changed(by, at, $"next review {DueText(NextReview)} → {DueText(review)}") with { NextReview = review };

    /// <summary>A due date as people read it, or "none".</summary>
    public static string DueText(DateOnly? due) => due is { } d ? UkDateFormat.Day(d) : "none";

    private ActionItem Changed(MemberRef by, DateTimeOffset at, string change)
    {
        ArgumentNullException.ThrowIfNull(by);
        return this with { History = Bounded(History, new ActionHistoryEntry(by, at, change), MaxHistory), Revision = Revision + 1 };
    }

    private static List<T> Bounded<T>(IReadOnlyList<T> list, T added, int max)
    {
        var skip = Math.Max(0, list.Count + 1 - max);
        var result = new List<T>(Math.Min(list.Count + 1, max));
        result.AddRange(list.Skip(skip));
        result.Add(added);
        return result;
    }
}
