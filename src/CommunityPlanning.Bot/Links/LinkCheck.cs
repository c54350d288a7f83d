namespace CommunityPlanning.Bot.Links;

/// <summary>How a signed link checked out.</summary>
internal enum LinkCheck
{
    /// <summary>Signed by us for this path and purpose, and still in date.</summary>
    Valid,

    /// <summary>Not signed by us, altered, signed for another path or purpose, or by a key we no longer accept.</summary>
    Forged,

    /// <summary>Signed by us, but past its expiry.</summary>
    Expired,
}
