using System.Globalization;
using System.Text;
using CommunityPlanning.Domain.Dates;
using static CommunityPlanning.Domain.Tests.Dates.TestDates;

namespace CommunityPlanning.Domain.Tests.Dates;

/// <summary>
/// Properties over many inputs: seeded System.Random loops (reproducible, no package) and exhaustive sweeps of
/// every day 2000–2100. A failure message includes the input so it can become a table row.
/// </summary>
public class DatePhraseParserPropertyTests
{
    private const int Cases = 10_000;

    // Fragments that reach deep into the patterns, plus characters that fool case folding or digit classes.
    private static readonly string[] Fragments =
    [
        "by ", "before ", "due ", "on ", "for ", "no later than ", "the ", "next ", "this ", "last ", "coming ",
        "end of ", "in ", "a ", "an ", "couple of ", "ago", "time", "'s", "s'", "day", "days", "week", "weeks",
        "fortnight", "month", "months", "year", "years", "meeting", "today", "tomorrow", "yesterday", "tonight",
        "Friday", "fri", "Thurs", "tue", "sun", "March", "Feb", "sept", "may", "Dec",
        "1", "0", "14", "29", "31", "32", "99", "999", "2027", "0000", "9999", "12345",
        "/", "-", ".", ",", "!", "?", " ", "  ", "\t", "st", "nd", "rd", "th", "of ",
        "\u212A", "\u017F", "\u0130", "\u0663", "\uFF11", "\u00A0", "\uD83D\uDE00", "\uD800", "\u0301",
    ];

    [Fact]
    public void Parse_RandomText_NeverThrowsAndAlwaysExplainsFailure()
    {
        var random = new Random(20251210);
        var today = D("2025-12-10");
        var context = new DatePhraseContext(D("2026-01-14"));
        for (var i = 0; i < Cases; i++)
        {
            var text = i % 2 == 0 ? RandomFragments(random) : RandomUnicode(random, random.Next(0, 60));
            var result = Record(text, () => DatePhraseParser.Parse(text, today, i % 3 == 0 ? context : null));
            Assert.True(result.Success || !string.IsNullOrWhiteSpace(result.FailureReason), text);
            Assert.InRange(result.Start, 0, text.Length);
            Assert.InRange(result.Start + result.Length, 0, text.Length);

            var due = Record(text, () => DatePhraseParser.FindDueDate(text, today, context));
            Assert.NotNull(due.Title);
        }
    }

    [Theory]
    [InlineData(100_000, "1/1/")]
    [InlineData(50_000, "by ")]
    [InlineData(50_000, "in a couple of ")]
    [InlineData(30_000, "the 14th of ")]
    [InlineData(200_000, "\uD83D")]
    public void Parse_VeryLongRepetitiveText_NeverThrows(int length, string unit)
    {
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }

        var text = builder.ToString();

        Assert.False(DatePhraseParser.Parse(text, D("2025-12-10")).Success);
        Assert.NotNull(DatePhraseParser.FindDueDate(text, D("2025-12-10")).Title);
    }

    [Fact]
    public void Parse_DayFormOfEveryDate2000To2100_RoundTrips()
    {
        var today = D("2025-12-10");
        for (var date = D("2000-01-01"); date <= D("2100-12-31"); date = date.AddDays(1))
        {
            var text = UkDateFormat.Day(date);
            Assert.True(DatePhraseParser.Parse(text, today) is { Success: true } r && r.Date == date, text);
        }
    }

    [Fact]
    public void Parse_NumericAndIsoFormsOfEveryDate2000To2100_RoundTrip()
    {
        var today = D("2025-12-10");
        string[] formats = ["d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd", "d MMMM yyyy", "MMMM d, yyyy"];
        for (var date = D("2000-01-01"); date <= D("2100-12-31"); date = date.AddDays(1))
        {
            foreach (var format in formats)
            {
                var text = date.ToString(format, CultureInfo.InvariantCulture);
                Assert.True(DatePhraseParser.Parse(text, today) is { Success: true } r && r.Date == date, text);
            }
        }
    }

    [Fact]
    public void Parse_RelativeFormNearRandomToday_RoundTrips()
    {
        var random = new Random(2028_02_29);
        for (var i = 0; i < Cases; i++)
        {
            var today = RandomDate(random);
            var date = today.AddDays(random.Next(-40, 41));
            var text = UkDateFormat.Relative(date, today);
            Assert.True(DatePhraseParser.Parse(text, today) is { Success: true } r && r.Date == date, $"{text} on {today:O}");
        }
    }

    [Fact]
    public void Parse_DayAndMonthWithoutYear_IsNextOccurrenceOnOrAfterToday()
    {
        var random = new Random(31_12);
        for (var i = 0; i < Cases; i++)
        {
            var today = RandomDate(random);
            var month = random.Next(1, 13);
            var day = random.Next(1, DateTime.DaysInMonth(2000, month) + 1);
            var text = string.Create(CultureInfo.InvariantCulture, $"{day}/{month}");

            var result = DatePhraseParser.Parse(text, today);

            var why = $"{text} on {today:O}";
            Assert.True(result.Success, why);
            Assert.Equal((day, month), (result.Date.Day, result.Date.Month));
            Assert.True(result.Date >= today, why);
            var limit = day == 29 && month == 2 ? today.AddYears(8) : today.AddYears(1);
            Assert.True(result.Date < limit, why);
        }
    }

    [Fact]
    public void Parse_WeekdayPhrases_FollowTheDocumentedRules()
    {
        var random = new Random(14_03);
        string[] names = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
        for (var i = 0; i < Cases; i++)
        {
            var today = RandomDate(random);
            var day = (DayOfWeek)random.Next(7);
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var why = $"{names[(int)day]} on {today:O}";

            var bare = DatePhraseParser.Parse(names[(int)day], today).Date;
            var next = DatePhraseParser.Parse("next " + names[(int)day], today).Date;
            var thisOne = DatePhraseParser.Parse("this " + names[(int)day], today).Date;
            var last = DatePhraseParser.Parse("last " + names[(int)day], today).Date;

            Assert.Equal(day, bare.DayOfWeek);
            Assert.InRange(bare.DayNumber - today.DayNumber, 0, 6);
            Assert.Equal(day, next.DayOfWeek);
            Assert.InRange(next.DayNumber - monday.DayNumber, 7, 13);
            Assert.Equal(day, thisOne.DayOfWeek);
            Assert.InRange(thisOne.DayNumber - monday.DayNumber, 0, 6);
            Assert.Equal(day, last.DayOfWeek);
            Assert.True(last.DayNumber - today.DayNumber is >= -7 and <= -1, why);
        }
    }

    private static T Record<T>(string input, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Threw for input {Escape(input)}", ex);
        }
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));

    private static DateOnly RandomDate(Random random) => D("2000-01-01").AddDays(random.Next(0, 36_890));

    private static string RandomFragments(Random random)
    {
        var builder = new StringBuilder();
        var count = random.Next(0, 8);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Fragments[random.Next(Fragments.Length)]);
        }

        return builder.ToString();
    }

    private static string RandomUnicode(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            // Half ASCII so real words sometimes form; the rest anywhere in the BMP, lone surrogates included.
            chars[i] = random.Next(2) == 0 ? (char)random.Next(0x20, 0x7F) : (char)random.Next(0, 0x10000);
        }

        return new string(chars);
    }
}
