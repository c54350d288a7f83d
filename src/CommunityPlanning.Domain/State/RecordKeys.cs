using System.Globalization;

namespace CommunityPlanning.Domain.State;

/// <summary>Builds record keys in one shape: segments joined by <c>|</c>.</summary>
public static class RecordKeys
{
    /// <summary>The separator between key segments.</summary>
    public const char Separator = '|';

    /// <summary>Joins a kind and its segments into a key.</summary>
    public static string Of(string kind, params string[] segments) =>
        segments.Length == 0 ? kind : kind + Separator + string.Join(Separator, segments);

    /// <summary>A step number as a two-digit segment, so keys sort in step order.</summary>
    public static string Step(int step) => step.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>The kind of a key: its first segment.</summary>
    public static string KindOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var at = key.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? key : key[..at];
    }
}
