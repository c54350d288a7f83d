namespace CommunityPlanning.Slack.Api;

/// <summary>A Slack Web API call that answered <c>ok: false</c> or failed at the HTTP level.</summary>
public sealed class SlackApiException : Exception
{
    /// <summary>The error of a call not made because the bot has no token for the workspace.</summary>
    public const string NotInstalled = "not_installed";

    /// <summary>Creates an exception for a failed call.</summary>
    public SlackApiException(string method, string error)
        : base($"Slack {method} failed: {error}")
    {
        Method = method;
        Error = error;
    }

    /// <summary>Creates an exception with no details.</summary>
    public SlackApiException()
        : this("unknown", "unknown")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public SlackApiException(string message)
        : this("unknown", message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "unknown";
        Error = message;
    }

    /// <summary>The Web API method called, e.g. <c>chat.postMessage</c>.</summary>
    public string Method { get; }

    /// <summary>Slack's error code, e.g. <c>channel_not_found</c>, or <c>http_500</c>.</summary>
    public string Error { get; }
}
