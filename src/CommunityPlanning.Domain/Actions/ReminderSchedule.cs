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

    /// <summary>The first Monday 09:00 London strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextDigest(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(UkTime.ToLondon(now).DateTime);
        var days = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        var candidate = UkTime.AtLondonTime(today.AddDays(days), SendTime);
        return candidate > now ? candidate : UkTime.AtLondonTime(today.AddDays(days + 7), SendTime);
    }

    /// <summary>The London date an instant falls on: the bucket reminder rows are filed under.</summary>
    public static DateOnly LondonDate(DateTimeOffset instant) => DateOnly.FromDateTime(UkTime.ToLondon(instant).DateTime);
}
