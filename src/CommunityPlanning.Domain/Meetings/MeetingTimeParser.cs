using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPlanning.Domain.Dates;

namespace CommunityPlanning.Domain.Meetings;

/// <summary>The outcome of reading a meeting time: the instant, or a friendly reason there is none.</summary>
/// <param name="When">The meeting's start, London time with its offset; null on failure.</param>
/// <param name="Problem">What to tell the person when it could not be read; null on success.</param>
public sealed record MeetingTimeResult(DateTimeOffset? When, string? Problem)
{
    /// <summary>True when a time was read.</summary>
    [MemberNotNullWhen(true, nameof(When))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Success => When is not null;
}

/// <summary>
/// Reads when a meeting is: a date phrase (anything <see cref="DatePhraseParser"/> reads: "Tue 14 March",
/// "14/3", "next Thursday") and a clock time ("7pm", "7.30pm", "19:00", "noon"), either way round, in
/// Europe/London. Never throws for any text.
/// </summary>
public static partial class MeetingTimeParser
{
    /// <summary>An example people can copy.</summary>
    public const string Example = "next meeting Tue 14 March 7pm";

    /// <summary>Reads a clock time on its own: "7pm", "7.30pm", "19:00", "noon", "midday".</summary>
    public static bool TryParseTime(string? text, out TimeOnly time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = TimeOnlyPattern().Match(text.Trim());
        return match.Success && TryRead(match, out time);
    }

    /// <summary>Reads a date and time, e.g. "Tue 14 March 7pm", relative to <paramref name="now"/>.</summary>
    public static MeetingTimeResult Parse(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail($"When is it? Say the day and time, like \"{Example}\".");
        }

        var trimmed = text.Trim().TrimEnd('.', '!', ',');
        var match = TimeAtEnd().Match(trimmed);
        if (!match.Success)
        {
            match = TimeAtStart().Match(trimmed);
        }

        if (!match.Success)
        {
            return Fail($"What time does it start? Add the time, like \"{Example}\" or \"… 19:00\".");
        }

        if (!TryRead(match, out var time))
        {
            return Fail($"I couldn't read the time \"{match.Groups["time"].Value}\". Try \"7pm\", \"7.30pm\" or \"19:00\".");
        }

        var datePart = (trimmed[..match.Index] + " " + trimmed[(match.Index + match.Length)..]).Trim();
        if (datePart.Length == 0)
        {
            return Fail($"Which day? Add the date, like \"{Example}\".");
        }

        var today = DateOnly.FromDateTime(UkTime.ToLondon(now).DateTime);
        var date = DatePhraseParser.Parse(datePart, today);
        if (!date.Success)
        {
            return Fail(date.FailureReason + $" Try \"{Example}\".");
        }

        var when = UkTime.AtLondonTime(date.Date, time);
        return when <= now
            ? Fail($"{UkDateFormat.DayAndTime(when)} has already passed. Give a time that's still to come.")
            : new MeetingTimeResult(when, null);
    }

    private static MeetingTimeResult Fail(string problem) => new(null, problem);

    private static bool TryRead(Match match, out TimeOnly time)
    {
        time = default;
        if (match.Groups["noon"].Success)
        {
            time = new TimeOnly(12, 0);
            return true;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (minute > 59)
        {
            return false;
        }

        if (match.Groups["ap"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            var pm = match.Groups["ap"].Value.StartsWith('p') || match.Groups["ap"].Value.StartsWith('P');
            hour = (hour % 12) + (pm ? 12 : 0);
        }
        else if (hour > 23)
        {
            return false;
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    private const string Time =
        @"(?<time>(?<noon>noon|midday|12\s*noon)|(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\s*(?<ap>[ap]\.?m\.?)|(?<h>\d{1,2})[:.](?<m>\d{2}))";

    [GeneratedRegex(@"^" + Time + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeOnlyPattern();

    [GeneratedRegex(@"(?:^|\s*,?\s+(?:at\s+|@\s*|from\s+)?)" + Time + @"$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeAtEnd();

    [GeneratedRegex(@"^(?:at\s+)?" + Time + @"(?:\s*,?\s+on)?(?=\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeAtStart();
}
