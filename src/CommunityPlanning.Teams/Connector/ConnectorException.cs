using System.Net;

namespace CommunityPlanning.Teams.Connector;

/// <summary>A Connector call that failed for good (after retries, or with a status not worth retrying).</summary>
public sealed class ConnectorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConnectorException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ConnectorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an HTTP failure.</summary>
    public ConnectorException(string message, HttpStatusCode status, string? errorCode)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>Creates the exception for an HTTP failure with the wait the service asked for.</summary>
    public ConnectorException(string message, HttpStatusCode status, string? errorCode, TimeSpan? retryAfter)
        : this(message, status, errorCode)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the service asked us to wait (Retry-After), if it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The HTTP status, when the service answered.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>The service's error code, e.g. BotNotInConversationRoster.</summary>
    public string? ErrorCode { get; }

    /// <summary>True when the person has not installed the app: never retry.</summary>
    public bool RecipientNotInstalled =>
        Status == HttpStatusCode.Forbidden && string.Equals(ErrorCode, "BotNotInConversationRoster", StringComparison.OrdinalIgnoreCase);
}
