namespace CommunityPlanning.Teams.Connector;

/// <summary>A send was not made because the conversation's rate limit says wait.</summary>
public sealed class ConnectorThrottledException : Exception
{
    /// <summary>Creates the exception with the wait.</summary>
    public ConnectorThrottledException(TimeSpan wait)
        : base($"The conversation's rate limit asks for a wait of {wait.TotalMilliseconds:0} ms.")
    {
        Wait = wait;
    }

    /// <summary>Creates the exception.</summary>
    public ConnectorThrottledException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ConnectorThrottledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ConnectorThrottledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How long until the send would fit.</summary>
    public TimeSpan Wait { get; }
}
