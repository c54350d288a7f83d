namespace CommunityPlanning.Domain.Dates;

/// <summary>
/// The bot's clock rules: steering groups live in England, so "today" and meeting times are
/// London wall-clock values, whatever time zone the server runs in.
/// </summary>
public static class UkTime
{
    /// <summary>The Europe/London time zone (GMT in winter, BST in summer).</summary>
    public static TimeZoneInfo London { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Converts an instant to London wall-clock time, keeping the correct offset (+00:00 or +01:00).</summary>
    /// <param name="instant">Any instant, in any offset.</param>
    /// <returns>The same instant expressed with London's offset at that moment.</returns>
    public static DateTimeOffset ToLondon(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, London);

    /// <summary>The calendar date in London right now, according to <paramref name="clock"/>.</summary>
    /// <param name="clock">The clock; <see cref="TimeProvider.System"/> in production, a fake in tests.</param>
    /// <returns>Today's date in London.</returns>
    public static DateOnly TodayInLondon(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(ToLondon(clock.GetUtcNow()).DateTime);
    }

    /// <summary>
    /// The instant at which London clocks show <paramref name="time"/> on <paramref name="date"/>.
    /// </summary>
    /// <remarks>
    /// Clock changes make some wall-clock times odd. In the spring gap (01:00–01:59 on the last Sunday of March,
    /// which never happens) the time is moved forward an hour, as a person resetting a clock would: 01:30 becomes
    /// 02:30 BST. In the autumn overlap (01:00–01:59 on the last Sunday of October, which happens twice) the first
    /// occurrence, still in BST, is chosen.
    /// </remarks>
    /// <param name="date">The London calendar date.</param>
    /// <param name="time">The London wall-clock time.</param>
    /// <returns>The instant, with London's offset at that moment.</returns>
    public static DateTimeOffset AtLondonTime(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (London.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = London.IsAmbiguousTime(local)
            ? London.GetAmbiguousTimeOffsets(local).Max()
            : London.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
