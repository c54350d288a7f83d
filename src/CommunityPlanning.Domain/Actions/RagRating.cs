namespace CommunityPlanning.Domain.Actions;

/// <summary>Red, amber or green: how an action in the delivery plan is going (ACRE step 8 monitoring).</summary>
public enum RagRating
{
    /// <summary>In trouble: needs help.</summary>
    Red,

    /// <summary>At risk: keep an eye on it.</summary>
    Amber,

    /// <summary>On track.</summary>
    Green,
}

/// <summary>Reading and writing RAG ratings.</summary>
public static class RagRatings
{
    /// <summary>The rating as people read it.</summary>
    public static string Title(this RagRating rating) => rating switch
    {
        RagRating.Red => "Red",
        RagRating.Amber => "Amber",
        _ => "Green",
    };

    /// <summary>Reads "red", "amber", "green" (or r/a/g, "yellow" for amber).</summary>
    public static bool TryParse(string? text, out RagRating rating)
    {
        RagRating? found = (text ?? string.Empty).Trim().ToLowerInvariant() switch
        {
            "red" or "r" => RagRating.Red,
            "amber" or "a" or "yellow" or "orange" => RagRating.Amber,
            "green" or "g" => RagRating.Green,
            _ => null,
        };
        rating = found ?? default;
        return found is not null;
    }
}
