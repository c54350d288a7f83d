using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Meetings;

/// <summary>Ids for meetings and for the entries recorded in them. Both sort in time order and are key-safe.</summary>
public static class MeetingIds
{
    private const string Base36 = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>
    /// A meeting id: the London start time to the minute and two characters from the starter's id, e.g.
    /// <c>202503141900-k3</c>, so a list of ids is a list of dates.
    /// </summary>
    public static string NewMeetingId(DateTimeOffset now, string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var london = UkTime.ToLondon(now);
        return string.Create(CultureInfo.InvariantCulture, $"{london:yyyyMMddHHmm}-{Suffix(userId, now.ToUnixTimeMilliseconds())}");
    }

    /// <summary>
    /// An entry id not yet used under <paramref name="keyOf"/>: the time in base 36 and two characters from the
    /// person's id, so two people recording at the same millisecond get different rows.
    /// </summary>
    public static string NewEntryId(GroupState state, Func<string, string> keyOf, DateTimeOffset now, string userId)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(keyOf);
        ArgumentNullException.ThrowIfNull(userId);
        var id = EntryId(now, userId);
        while (state.Find<IGroupRecord>(keyOf(id)) is not null)
        {
            now = now.AddMilliseconds(1);
            id = EntryId(now, userId);
        }

        return id;
    }

    /// <summary>True for ids this class makes (lower-case letters, digits and dashes; short).</summary>
    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 32 && id.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c) || c == '-');

    private static string EntryId(DateTimeOffset now, string userId)
    {
        var millis = now.ToUnixTimeMilliseconds();
        var text = new StringBuilder();
        do
        {
            text.Insert(0, Base36[(int)(millis % 36)]);
            millis /= 36;
        }
        while (millis > 0);
        return text.ToString().PadLeft(9, '0') + Suffix(userId, 0);
    }

    private static string Suffix(string userId, long salt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{userId}|{salt}")));
        return string.Concat(Base36[hash[0] % 36], Base36[hash[1] % 36]);
    }
}
