using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Journey;

/// <summary>
/// One set of answers to a step's form: the single answer set of a single form (row <c>main</c>) or one
/// row of a repeating form (a volunteer, a survey, an issue…).
/// </summary>
/// <param name="Step">The step, 1 to 9.</param>
/// <param name="FormId">The form's id in the step.</param>
/// <param name="RowId">The row id; <see cref="SingleRowId"/> for a single form.</param>
/// <param name="Values">Cleaned values by field id (only fields that have a value).</param>
/// <param name="UpdatedBy">Who last changed it.</param>
/// <param name="UpdatedAt">When it was last changed.</param>
[GroupRecord(Kind)]
public sealed record FormRow(
    int Step,
    string FormId,
    string RowId,
    IReadOnlyDictionary<string, string> Values,
    MemberRef UpdatedBy,
    DateTimeOffset UpdatedAt) : IGroupRecord
{
    /// <summary>The key kind of form rows.</summary>
    public const string Kind = "form";

    /// <summary>The row id of a single form's answers.</summary>
    public const string SingleRowId = "main";

    private const int MaxRowIdLength = 24;

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => KeyFor(Step, FormId, RowId);

    /// <summary>The key of a row.</summary>
    public static string KeyFor(int step, string formId, string rowId) => RecordKeys.Of(Kind, RecordKeys.Step(step), formId, rowId);

    /// <summary>The key prefix of every row of one form.</summary>
    public static string PrefixFor(int step, string formId) => RecordKeys.Of(Kind, RecordKeys.Step(step), formId) + RecordKeys.Separator;

    /// <summary>The key prefix of every form row of a step.</summary>
    public static string PrefixFor(int step) => RecordKeys.Of(Kind, RecordKeys.Step(step)) + RecordKeys.Separator;

    /// <summary>
    /// A new row id: the time in base 36 (so rows sort in the order they were added) and two characters
    /// from the person's id (so two people adding at the same millisecond get different rows).
    /// </summary>
    public static string NewRowId(DateTimeOffset now, string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var millis = now.ToUnixTimeMilliseconds();
        var text = new StringBuilder();
        do
        {
            text.Insert(0, Base36[(int)(millis % 36)]);
            millis /= 36;
        }
        while (millis > 0);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(userId));
        return string.Create(CultureInfo.InvariantCulture, $"{text.ToString().PadLeft(9, '0')}{Base36[hash[0] % 36]}{Base36[hash[1] % 36]}");
    }

    /// <summary>
    /// A new row id not yet used by the form (for the action plan forms, by no action made from a form and no progress
    /// update already saved): one millisecond later while the id is taken.
    /// </summary>
    public static string NewRowId(GroupState state, int step, string formId, DateTimeOffset now, string userId)
    {
        ArgumentNullException.ThrowIfNull(state);
        var actions = ActionPlanRows.IsActionForm(step, formId)
            ? state.Actions().SelectMany(a => a.Notes.Select(n => n.Token).Append(a.SourceId)).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];
        var id = NewRowId(now, userId);
        while (state.Find<FormRow>(KeyFor(step, formId, id)) is not null || actions.Contains(id))
        {
            now = now.AddMilliseconds(1);
            id = NewRowId(now, userId);
        }

        return id;
    }

    /// <summary>True for ids this code makes: <c>main</c> or lower-case letters and digits, short.</summary>
    public static bool IsValidRowId(string? rowId) =>
        !string.IsNullOrEmpty(rowId) && rowId.Length <= MaxRowIdLength && rowId.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c));

    private const string Base36 = "0123456789abcdefghijklmnopqrstuvwxyz";
}
