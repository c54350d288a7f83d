using CommunityPlanning.Domain.Dates;

namespace CommunityPlanning.Domain.Journey;

/// <summary>
/// The latest dates for a Neighbourhood Plan referendum's notices, counted back in working days from the
/// poll (Neighbourhood Planning (Referendums) Regulations 2012): the information statement and the
/// documents at least 28 working days before, the notice of referendum at least 25.
/// </summary>
public static class ReferendumTimetable
{
    /// <summary>Working days' notice for the information statement and documents.</summary>
    public const int InformationStatementDays = 28;

    /// <summary>Working days' notice for the notice of referendum.</summary>
    public const int NoticeDays = 25;

    /// <summary>The last day to publish the information statement, in words, or why it can't be worked out.</summary>
    public static string InformationStatementBy(DateOnly poll, BankHolidayCalendar holidays) =>
        LatestDay(poll, InformationStatementDays, holidays);

    /// <summary>The last day to publish the notice of referendum, in words, or why it can't be worked out.</summary>
    public static string NoticeBy(DateOnly poll, BankHolidayCalendar holidays) =>
        LatestDay(poll, NoticeDays, holidays);

    private static string LatestDay(DateOnly poll, int days, BankHolidayCalendar holidays)
    {
        try
        {
            return $"{UkDateFormat.Day(WorkingDays.Before(poll, days, holidays))} ({days} working days before the vote)";
        }
        catch (DateOutsideCalendarException error)
        {
            // Never guess a working day: say plainly that the list needs updating.
            return $"Can't be worked out yet: my bank holiday list covers only {UkDateFormat.Day(error.CoversFrom)} to {UkDateFormat.Day(error.CoversTo)}. Ask whoever runs the bot to update it.";
        }
    }
}
