using System.Globalization;
using System.Text.Json;

namespace CommunityPlanning.Domain.Dates;

/// <summary>
/// England and Wales bank holidays, read from the committed copy of the published list
/// (<c>Dates/Data/bank-holidays-england-and-wales.json</c>, the <c>england-and-wales</c> part of
/// gov.uk's <c>bank-holidays.json</c>). The list covers whole calendar years; a date outside them is not
/// guessed at: <see cref="IsBankHoliday"/> throws <see cref="DateOutsideCalendarException"/>.
/// </summary>
public sealed class BankHolidayCalendar
{
    private const string ResourceName = "CommunityPlanning.Domain.Dates.bank-holidays-england-and-wales.json";

    private static readonly Lazy<BankHolidayCalendar> Embedded = new(LoadEmbedded);

    private readonly Dictionary<DateOnly, string> _holidays;

    private BankHolidayCalendar(Dictionary<DateOnly, string> holidays)
    {
        _holidays = holidays;
        CoversFrom = new DateOnly(holidays.Keys.Min().Year, 1, 1);
        CoversTo = new DateOnly(holidays.Keys.Max().Year, 12, 31);
    }

    /// <summary>The committed England and Wales list.</summary>
    public static BankHolidayCalendar EnglandAndWales => Embedded.Value;

    /// <summary>The first day the list covers (1 January of its first year).</summary>
    public DateOnly CoversFrom { get; }

    /// <summary>The last day the list covers (31 December of its last year).</summary>
    public DateOnly CoversTo { get; }

    /// <summary>True when the list covers <paramref name="date"/>.</summary>
    public bool Covers(DateOnly date) => date >= CoversFrom && date <= CoversTo;

    /// <summary>True when <paramref name="date"/> is a bank holiday in England and Wales.</summary>
    /// <exception cref="DateOutsideCalendarException">The date is outside the years the list covers.</exception>
    public bool IsBankHoliday(DateOnly date)
    {
        EnsureCovers(date);
        return _holidays.ContainsKey(date);
    }

    /// <summary>The bank holiday's name ("Easter Monday"), or null when the date is not one.</summary>
    /// <exception cref="DateOutsideCalendarException">The date is outside the years the list covers.</exception>
    public string? NameOf(DateOnly date)
    {
        EnsureCovers(date);
        return _holidays.GetValueOrDefault(date);
    }

    /// <summary>Throws unless the list covers <paramref name="date"/>.</summary>
    /// <exception cref="DateOutsideCalendarException">The date is outside the years the list covers.</exception>
    public void EnsureCovers(DateOnly date)
    {
        if (!Covers(date))
        {
            throw new DateOutsideCalendarException(date, CoversFrom, CoversTo);
        }
    }

    /// <summary>Reads a list in gov.uk's shape: <c>{"division": …, "events": [{"title": …, "date": "yyyy-MM-dd"}]}</c>.</summary>
    /// <exception cref="FormatException">The JSON has no events or a date that does not read.</exception>
    public static BankHolidayCalendar Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var holidays = new Dictionary<DateOnly, string>();
        if (!document.RootElement.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("The bank holiday list has no \"events\" array.");
        }

        foreach (var item in events.EnumerateArray())
        {
            var text = item.GetProperty("date").GetString();
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new FormatException($"The bank holiday date \"{text}\" is not yyyy-MM-dd.");
            }

            holidays[date] = item.TryGetProperty("title", out var title) ? title.GetString() ?? string.Empty : string.Empty;
        }

        return holidays.Count == 0 ? throw new FormatException("The bank holiday list is empty.") : new BankHolidayCalendar(holidays);
    }

    private static BankHolidayCalendar LoadEmbedded()
    {
        using var stream = typeof(BankHolidayCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
