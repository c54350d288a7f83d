namespace CommunityPlanning.Domain.Dates;

/// <summary>
/// A date falls outside the years the committed bank holiday list covers, so whether it is a working
/// day is unknown. Refresh the list (docs/BANK-HOLIDAYS.md) rather than guess.
/// </summary>
public sealed class DateOutsideCalendarException : InvalidOperationException
{
    /// <summary>Creates the exception for a date and the range the list covers.</summary>
    public DateOutsideCalendarException(DateOnly date, DateOnly coversFrom, DateOnly coversTo)
        : base($"The bank holiday list covers {UkDateFormat.Day(coversFrom)} to {UkDateFormat.Day(coversTo)}; {UkDateFormat.Day(date)} is outside it.")
    {
        Date = date;
        CoversFrom = coversFrom;
        CoversTo = coversTo;
    }

    /// <summary>Creates the exception with a message.</summary>
    public DateOutsideCalendarException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DateOutsideCalendarException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public DateOutsideCalendarException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The date asked about.</summary>
    public DateOnly Date { get; }

    /// <summary>The first day the list covers.</summary>
    public DateOnly CoversFrom { get; }

    /// <summary>The last day the list covers.</summary>
    public DateOnly CoversTo { get; }
}
