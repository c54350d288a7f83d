using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Actions;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Teams.Cards;

namespace CommunityPlanning.Teams.Protocol;

/// <summary>
/// Reads the invokes of the "Make an action" message action (<c>composeExtension/fetchTask</c> and
/// <c>composeExtension/submitAction</c>) into turns. The message payload is client-provided: its text is
/// stripped of HTML, capped, and only ever shown escaped; its mentions carry Entra object ids, which the
/// core maps through the group's roster. The dialog's own buttons come back as <c>submitAction</c>: "Make the
/// action", and "Start our plan" where the conversation has no plan yet (the start form is then posted there).
/// </summary>
public sealed partial class MessageActionReader(AdaptiveCardSubmissionReader submissions)
{
    /// <summary>The invoke that opens the dialog.</summary>
    public const string FetchTask = "composeExtension/fetchTask";

    /// <summary>The invoke that submits the dialog.</summary>
    public const string SubmitAction = "composeExtension/submitAction";

    /// <summary>The manifest's command id.</summary>
    public const string CommandId = "makeAction";

    /// <summary>The longest message text kept (the rest is never needed for a title).</summary>
    public const int MaxText = MessageActionCommand.MaxText;

    /// <summary>The longest author name or link kept in the dialog's data.</summary>
    public const int MaxDataValue = MessageActionCommand.MaxDataValue;

    /// <summary>True for the invokes this reader takes.</summary>
    public static bool IsMessageAction(Activity activity) =>
        activity is { Type: "invoke", Name: FetchTask or SubmitAction };

    /// <summary>The turn for a message action invoke, or null when it is not ours or malformed.</summary>
    public Turn? Read(Activity activity, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(turn);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || StringOf(value, "commandId") is { } command && command != CommandId)
        {
            return null;
        }

        if (activity.Name == SubmitAction)
        {
            return value.TryGetProperty("data", out var data) && submissions.TryRead(data, out var submitted)
                && submitted.Verb is ActionVerbs.MessageMake or StartPlan.ShowFormVerb
                ? turn with { Kind = TurnKind.Submit, Submission = submitted }
                : null;
        }

        var message = value.TryGetProperty("messagePayload", out var payload) && payload.ValueKind == JsonValueKind.Object ? payload : default;
        var data2 = new Dictionary<string, string>(StringComparer.Ordinal) { [Submission.GroupKey] = turn.Conversation.GroupId };
        if (message.ValueKind == JsonValueKind.Object)
        {
            if (Author(message) is { Length: > 0 } by)
            {
                data2[ActionVerbs.ByKey] = by.Length > MaxDataValue ? by[..MaxDataValue] : by;
            }

            if (StringOf(message, "linkToMessage") is { Length: <= MaxDataValue } link
                && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
            {
                data2[ActionVerbs.LinkKey] = link;
            }
        }

        return turn with
        {
            Kind = TurnKind.Submit,
            Submission = new Submission(ActionVerbs.MessageForm, data2, new Dictionary<string, string>()),
            Text = message.ValueKind == JsonValueKind.Object ? PlainText(message) : string.Empty,
            Mentions = message.ValueKind == JsonValueKind.Object ? Mentions(message) : [],
        };
    }

    /// <summary>The message's text: HTML and mention markup removed (the names kept), entities decoded, capped.</summary>
    public static string PlainText(JsonElement message)
    {
        var html = message.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object ? StringOf(body, "content") ?? string.Empty : string.Empty;
        if (html.Length > MaxText * 4)
        {
            html = html[..(MaxText * 4)];
        }

        var text = Breaks().Replace(html, " ");
        text = Tags().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text);
        text = Spaces().Replace(MentionText.Clean(text), " ").Trim();
        return text.Length > MaxText ? text[..MaxText] : text;
    }

    private static string? Author(JsonElement message) =>
        message.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object
        && from.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object
            ? MentionText.Clean(StringOf(user, "displayName") ?? string.Empty).Trim()
            : null;

    private static List<MemberRef> Mentions(JsonElement message)
    {
        var people = new List<MemberRef>();
        if (!message.TryGetProperty("mentions", out var mentions) || mentions.ValueKind != JsonValueKind.Array)
        {
            return people;
        }

        foreach (var mention in mentions.EnumerateArray())
        {
            if (mention.ValueKind == JsonValueKind.Object
                && mention.TryGetProperty("mentioned", out var mentioned) && mentioned.ValueKind == JsonValueKind.Object
                && mentioned.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object
                && StringOf(user, "id") is { Length: > 0 and <= MaxDataValue } id
                && people.All(p => p.Id != id))
            {
                var name = MentionText.Clean(StringOf(user, "displayName") ?? StringOf(mention, "mentionText") ?? string.Empty).Trim();
                people.Add(new MemberRef(id, name.Length > 0 ? name : "Someone"));
            }
        }

        return people;
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"<\s*(br|/p|/div|/li)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Breaks();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
