using System.Text.Json.Nodes;

namespace CommunityPlanning.Teams.Cards;

/// <summary>
/// Bodies for answering an <c>adaptiveCard/action</c> invoke (Universal Actions). The HTTP response that
/// carries one is always 200; the outcome is in the body's <c>statusCode</c>.
/// </summary>
public static class AdaptiveInvokeResponses
{
    /// <summary>The type of a response that replaces the card for the person who acted.</summary>
    public const string CardType = AdaptiveCardRenderer.ContentType;

    /// <summary>The type of a response that shows a short message.</summary>
    public const string MessageType = "application/vnd.microsoft.activity.message";

    /// <summary>The type of an error response.</summary>
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>Replaces the card, for the person who acted only.</summary>
    /// <param name="card">A rendered Adaptive Card (copied if it already belongs to another object).</param>
    /// <returns>The response body.</returns>
    public static JsonObject Card(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = CardType,
            ["value"] = card.Parent is null ? card : card.DeepClone(),
        };
    }

    /// <summary>Shows a short message to the person who acted; the card stays as it was.</summary>
    /// <param name="text">Plain text.</param>
    /// <returns>The response body.</returns>
    public static JsonObject Message(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = MessageType,
            ["value"] = text,
        };
    }

    /// <summary>Reports an error to the client.</summary>
    /// <param name="status">An HTTP-style status from 400 to 599, e.g. 400 for a malformed action.</param>
    /// <param name="code">A short code, e.g. <c>BadRequest</c>.</param>
    /// <param name="message">A message the person may see.</param>
    /// <returns>The response body.</returns>
    public static JsonObject Error(int status, string code, string message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(message);
        return new JsonObject
        {
            ["statusCode"] = status,
            ["type"] = ErrorType,
            ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
        };
    }
}
