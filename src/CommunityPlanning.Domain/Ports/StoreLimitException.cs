namespace CommunityPlanning.Domain.Ports;

/// <summary>
/// Thrown before anything is written when a change would break a storage limit (too many changes in one
/// turn, a value too large). The message is safe to log; the turn should tell the user in plain words.
/// </summary>
public sealed class StoreLimitException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreLimitException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StoreLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public StoreLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
