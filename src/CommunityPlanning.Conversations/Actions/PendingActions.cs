using System.Globalization;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;

namespace CommunityPlanning.Conversations.Actions;

/// <summary>
/// Question cards about actions carry only the id of a <see cref="PendingActionRecord"/> kept in the group:
/// the title, owner, creator and answers so far stay on the server, where a client cannot rewrite them.
/// </summary>
internal static class PendingActions
{
    /// <summary>The data key of the pending record's id.</summary>
    public const string IdKey = "p";

    /// <summary>Card data naming the pending record, plus any extra pairs.</summary>
    public static IReadOnlyDictionary<string, string> ToData(TurnContext context, PendingActionRecord pending, params (string Key, string Value)[] more) =>
        context.Data([(IdKey, pending.Id), .. more]);

    /// <summary>The pending record a card names, if it is still there and live.</summary>
    public static PendingActionRecord? From(TurnContext context, Submission submission) =>
        PendingActionRecord.Find(context.State, submission.Get(IdKey), context.Now);

    /// <summary>Reads a yyyy-MM-dd date, as date inputs send them.</summary>
    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
