using CommunityPlanning.Domain.Dates;

namespace CommunityPlanning.Domain.Actions;

/// <summary>The kinds of reminder the bot sends.</summary>
public enum ReminderKind
{
    /// <summary>To the owner, at 09:00 the day before the due date.</summary>
    DayBefore,

    /// <summary>To the owner, at 09:00 the morning after the due date, when it is still open.</summary>
    Overdue,

    /// <summary>To the group, Monday 09:00: the week's open actions.</summary>
    Digest,
}

/// <summary>When reminders fall due, in London time.</summary>
public static class ReminderSchedule
{
    /// <summary>The London wall-clock time reminders and digests go out.</summary>
    public static readonly TimeOnly SendTime = new(9, 0);

    /// <summary>The instant a reminder for an action due on <paramref name="due"/> goes out.</summary>
    public static DateTimeOffset DueAt(ReminderKind kind, DateOnly due) => kind switch
    {
        ReminderKind.DayBefore => UkTime.AtLondonTime(due.AddDays(-1), SendTime),
        ReminderKind.Overdue => UkTime.AtLondonTime(due.AddDays(1), SendTime),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Digests are not tied to a due date."),
    };

    /// <summary>
    /// The first Monday 09:00 London strictly after <paramref name="now"/>; when that Monday is a bank holiday
    /// (or Christmas Eve or Day), 09:00 on the next working day instead. Past the end of the bank holiday list
    /// the Monday is kept: a digest on a holiday is harmless, stopping the digests is not.
    /// </summary>
    public static DateTimeOffset NextDigest(DateTimeOffset now) => NextDigest(now, BankHolidayCalendar.EnglandAndWales);

    /// <summary>The next digest, as <see cref="NextDigest(DateTimeOffset)"/>, with a given bank holiday list.</summary>
    public static DateTimeOffset NextDigest(DateTimeOffset now, BankHolidayCalendar holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        // Start from this week's Monday: its digest may have moved to a later day that is still ahead.
        var monday = CalendarMath.StartOfWeek(DateOnly.FromDateTime(UkTime.ToLondon(now).DateTime));
        while (true)
        {
            var candidate = UkTime.AtLondonTime(DigestDay(monday, holidays), SendTime);
            if (candidate > now)
            {
                return candidate;
            }

            monday = monday.AddDays(7);
        }
    }

    private static DateOnly DigestDay(DateOnly monday, BankHolidayCalendar holidays) =>
        holidays.Covers(monday.AddDays(6)) ? WorkingDays.OnOrAfter(monday, holidays) : monday;

    /// <summary>The London date an instant falls on: the bucket reminder rows are filed under.</summary>
    public static DateOnly LondonDate(DateTimeOffset instant) => DateOnly.FromDateTime(UkTime.ToLondon(instant).DateTime);
}
