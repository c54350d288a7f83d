using System.Globalization;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Actions;

/// <summary>
/// An action waiting for an answer before it is created. It lives only in the question card's data, so
/// nothing is half-written to storage: the action exists once every question is answered.
/// </summary>
/// <param name="Id">A random id; the created action remembers it, so pressing a button twice creates one action.</param>
/// <param name="Title">What is to be done.</param>
/// <param name="Owner">Who will do it, if anyone.</param>
/// <param name="Due">When it is due, if known.</param>
/// <param name="Step">The plan step.</param>
/// <param name="CreatedBy">Who asked for it.</param>
internal sealed record PendingAction(string Id, string Title, MemberRef? Owner, DateOnly? Due, int Step, MemberRef CreatedBy)
{
    private const string IdKey = "p";
    private const string TitleKey = "t";
    private const string OwnerIdKey = "oid";
    private const string OwnerNameKey = "on";
    private const string DueKey = "due";
    private const string StepKey = "step";
    private const string CreatorIdKey = "cid";
    private const string CreatorNameKey = "cn";
    private const string AskDueKey = "ask";
    private const string PastOkKey = "past";
    private const string OwnerOkKey = "own";
    private const string Yes = "1";

    /// <summary>The due date could not be read: ask for it.</summary>
    public bool AskDue { get; init; }

    /// <summary>The due date has passed and someone said to keep it.</summary>
    public bool PastConfirmed { get; init; }

    /// <summary>The owner is not yet a member and someone said to add them.</summary>
    public bool OwnerConfirmed { get; init; }

    /// <summary>Why the date could not be read, shown with the first question only.</summary>
    public string? DueProblem { get; init; }

    /// <summary>Card data carrying the pending action, plus any extra pairs.</summary>
    public IReadOnlyDictionary<string, string> ToData(TurnContext context)
    {
        var pairs = new List<(string, string)>
        {
            (IdKey, Id),
            (TitleKey, Title),
            (StepKey, Step.ToString(CultureInfo.InvariantCulture)),
            (CreatorIdKey, CreatedBy.Id),
            (CreatorNameKey, CreatedBy.Name),
        };
        if (Owner is not null)
        {
            pairs.Add((OwnerIdKey, Owner.Id));
            pairs.Add((OwnerNameKey, Owner.Name));
        }

        if (Due is { } due)
        {
            pairs.Add((DueKey, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (AskDue)
        {
            pairs.Add((AskDueKey, Yes));
        }

        if (PastConfirmed)
        {
            pairs.Add((PastOkKey, Yes));
        }

        if (OwnerConfirmed)
        {
            pairs.Add((OwnerOkKey, Yes));
        }

        return context.Data([.. pairs]);
    }

    /// <summary>Reads the pending action a question card carried; null when the data is incomplete.</summary>
    public static PendingAction? From(Submission submission)
    {
        var data = submission.Data;
        if (data.GetValueOrDefault(IdKey) is not { Length: > 0 } id
            || data.GetValueOrDefault(TitleKey) is not { Length: > 0 } title
            || !int.TryParse(data.GetValueOrDefault(StepKey), NumberStyles.None, CultureInfo.InvariantCulture, out var step)
            || data.GetValueOrDefault(CreatorIdKey) is not { Length: > 0 } creatorId)
        {
            return null;
        }

        var owner = data.GetValueOrDefault(OwnerIdKey) is { Length: > 0 } ownerId
            ? new MemberRef(ownerId, data.GetValueOrDefault(OwnerNameKey) ?? ownerId)
            : null;
        DateOnly? due = TryDate(data.GetValueOrDefault(DueKey), out var d) ? d : null;
        return new PendingAction(id, title, owner, due, step, new MemberRef(creatorId, data.GetValueOrDefault(CreatorNameKey) ?? creatorId))
        {
            AskDue = data.GetValueOrDefault(AskDueKey) == Yes,
            PastConfirmed = data.GetValueOrDefault(PastOkKey) == Yes,
            OwnerConfirmed = data.GetValueOrDefault(OwnerOkKey) == Yes,
        };
    }

    /// <summary>Reads a yyyy-MM-dd date, as date inputs send them.</summary>
    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
