using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Rosters;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Actions;

/// <summary>
/// "Make an action" on an existing message (the Teams message action, the Slack message shortcut). The
/// adapter turns the channel's request into <see cref="ActionVerbs.MessageForm"/> (the message's text in
/// <see cref="Turn.Text"/>, its mentions in <see cref="Turn.Mentions"/> by the channel's directory ids) and
/// the dialog's submission into <see cref="ActionVerbs.MessageMake"/>. The form answers inline (the dialog);
/// the new action's card is posted in the conversation. The dialog carries a one-time token that becomes the
/// action's source id, so a repeated submission finds the action the first one made. The roster store is
/// optional (a host without rosters matches mentions by the channel's user id only).
/// </summary>
public sealed partial class MessageActionCommand(INextMeetingSource meetings, IEnumerable<IRosterStore> rosterStores) : ICardActionHandler
{
    private readonly IRosterStore? _rosters = rosterStores.FirstOrDefault();

    /// <summary>The dialog's title.</summary>
    public const string DialogTitle = "Make an action";

    /// <summary>What a 1:1 chat with the bot answers.</summary>
    public const string PersonalChat = "Actions belong to a group, so I can't make one in a chat with just me. Use \"Make an action\" on a message in your group's channel or chat.";

    /// <summary>What a conversation without a plan answers (with a "Start our plan" button).</summary>
    public const string NoPlanHere = "This conversation has no plan yet, so the action has nowhere to go. If I'm not in it yet, add me first (Slack: type /invite @PlanBot in the channel; Teams: add PlanBot from the chat's or team's Apps). Then press \"Start our plan\", or type \"start\".";

    /// <summary>What the form says when the message has no text (only a picture or a file).</summary>
    public const string NoText = "That message has no text. Type what needs doing.";

    /// <summary>The longest message text an adapter passes on (the rest is never needed for a title).</summary>
    public const int MaxText = 10_000;

    /// <summary>The longest author name or link an adapter puts in the dialog's data (a card data value's limit).</summary>
    public const int MaxDataValue = 200;

    /// <summary>Most mentions looked up on the roster for the owner.</summary>
    public const int MaxMentionsLooked = 5;

    /// <summary>The longest quote of the message kept for the confirmation (within a card data value).</summary>
    public const int MaxQuote = 150;

    /// <inheritdoc />
    public bool Handles(string verb) => verb is ActionVerbs.MessageForm or ActionVerbs.MessageMake;

    /// <inheritdoc />
    public async ValueTask RunAsync(TurnContext context, Submission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(submission);
        if (context.Turn.IsPersonal)
        {
            Answer(context, PersonalChat);
            return;
        }

        if (context.Plan is null)
        {
            // Often the bot is not in the conversation at all: say how to add it, and offer the start form.
            context.Add(new Reply
            {
                Card = new Card
                {
                    Title = "No plan here yet",
                    Blocks = [new TextBlock(NoPlanHere)],
                    Actions = [new CardAction("Start our plan", StartPlan.ShowFormVerb, context.Data()) { Style = ActionStyle.Positive }],
                },
                Mode = ReplyMode.Private,
            });
            return;
        }

        if (submission.Verb == ActionVerbs.MessageForm)
        {
            await OpenAsync(context, submission, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            Make(context, submission);
        }
    }

    private static void Answer(TurnContext context, string text) => context.Add(new Reply { Text = text, Mode = ReplyMode.Private });

    private async Task OpenAsync(TurnContext context, Submission submission, CancellationToken cancellationToken)
    {
        var mentions = await MembersMentionedAsync(context, cancellationToken).ConfigureAwait(false);
        var text = RequestOf(context.Turn.Text);
        var parsed = ActionSentence.FromActionCommand(text, mentions, ActionText.Today(context), DateContext(context));
        var title = parsed?.Title ?? string.Empty;
        if (title.Length > 0 && char.IsLower(title[0]))
        {
            title = char.ToUpper(title[0], CultureInfo.CurrentCulture) + title[1..];
        }

        if (title.Length > ActionItem.MaxTitleLength)
        {
            title = title[..(ActionItem.MaxTitleLength - 1)].TrimEnd() + "\u2026";
        }

        var owner = parsed?.Owner ?? (mentions.Count > 0 ? mentions[0] : null);
        var values = new FormValues(title, owner?.Id, parsed?.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), context.Plan!.CurrentStep);
        var token = Guid.NewGuid().ToString("N");
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [ActionVerbs.TokenKey] = token };
        if (QuoteOf(context.Turn.Text) is { Length: > 0 } quote)
        {
            data[ActionVerbs.QuoteKey] = quote;
        }

        context.Add(new Reply { Card = Form(context, submission, data, values, new FormErrors(title.Length == 0 ? NoText : null, null, null, null)), Mode = ReplyMode.Private });
    }

    // Mentions come with the channel's directory ids (Teams: Entra object ids); only people on the group's
    // roster who are active members can be preset as the owner.
    private async Task<IReadOnlyList<MemberRef>> MembersMentionedAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var found = new List<MemberRef>();
        foreach (var mention in context.Turn.Mentions.Take(MaxMentionsLooked))
        {
            var person = _rosters is null ? null : await _rosters.FindAsync(context.State.GroupId, mention.Id, cancellationToken).ConfigureAwait(false);
            var member = context.State.Find<MemberRecord>(MemberRecord.KeyFor(person?.UserId ?? mention.Id));
            if (member is { Active: true } && found.All(m => m.Id != member.Member.Id))
            {
                // The mention's name is what the message text shows; the title reader removes it.
                found.Add(member.Member with { Name = mention.Name });
            }
        }

        return found;
    }

    private static void Make(TurnContext context, Submission submission)
    {
        var token = submission.Get(ActionVerbs.TokenKey);
        if (string.IsNullOrEmpty(token))
        {
            Answer(context, SubmissionCheck.Malformed);
            return;
        }

        // A repeated submission (Teams retries a slow one) finds the action the first one made.
        var made = context.State.Actions().FirstOrDefault(a => string.Equals(a.SourceId, token, StringComparison.Ordinal));
        if (made is not null)
        {
            Answer(context, $"That's action {made.Id.ToString(CultureInfo.InvariantCulture)}, already made. Type \"action {made.Id.ToString(CultureInfo.InvariantCulture)}\" to see it.");
            return;
        }

        var title = CommandText.Clean(submission.Inputs.GetValueOrDefault(ActionVerbs.TitleKey) ?? string.Empty);
        var ownerId = ActionVerbs.PickedOwner(submission.Inputs.GetValueOrDefault(ActionVerbs.OwnerKey));
        var dueText = submission.Inputs.GetValueOrDefault(ActionVerbs.DueKey)?.Trim();
        var stepText = submission.Inputs.GetValueOrDefault(ActionVerbs.StepKey)?.Trim();
        int? step = string.IsNullOrEmpty(stepText) ? context.Plan!.CurrentStep
            : int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out var picked) && StepCatalogue.IsValid(picked) ? picked
            : null;
        var values = new FormValues(title, ownerId, dueText, step ?? context.Plan!.CurrentStep);
        var stepError = step is null ? "Please pick one of the nine steps." : null;
        var titleError = title.Length == 0 ? "Please say what needs doing."
            : title.Length > ActionItem.MaxTitleLength ? $"Please keep it under {ActionItem.MaxTitleLength.ToString(CultureInfo.InvariantCulture)} characters; you can add detail later with a note."
            : null;
        string? dueError = null;
        DateOnly? due = null;
        if (!string.IsNullOrEmpty(dueText))
        {
            if (!PendingActions.TryDate(dueText, out var date))
            {
                dueError = "Please pick a date, or leave it empty.";
            }
            else if (date < ActionText.Today(context))
            {
                dueError = $"{ActionCards.Day(date)} has passed. Please pick a later date, or leave it empty.";
            }
            else
            {
                due = date;
            }
        }

        var owner = ownerId is null ? null : context.State.Find<MemberRecord>(MemberRecord.KeyFor(ownerId));
        var ownerError = ownerId is not null && owner is not { Active: true } ? SubmissionCheck.NotAMember : null;
        var errors = new FormErrors(titleError, dueError, ownerError, stepError);
        if (errors.Any)
        {
            // The dialog stays open with the errors beside their fields.
            context.Add(new Reply { Card = Form(context, submission, Carried(submission, ActionVerbs.TokenKey, ActionVerbs.QuoteKey), values, errors), Mode = ReplyMode.Private });
            return;
        }

        var pending = new PendingActionRecord(token, title, owner?.Member, due, values.Step, context.Turn.From, context.Now)
        {
            OwnerConfirmed = true,
            PastConfirmed = true,
        };
        ActionCreation.Continue(context, pending, ReplyMode.New, FromMessage(submission));
    }

    private static MessageOrigin? FromMessage(Submission submission) =>
        submission.Get(ActionVerbs.ByKey) is { Length: > 0 } by
            ? new MessageOrigin(by, Uri.TryCreate(submission.Get(ActionVerbs.LinkKey), UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps ? link : null)
            {
                Quote = submission.Get(ActionVerbs.QuoteKey) is { Length: > 0 and <= MaxQuote + 1 } quote ? quote : null,
            }
            : null;

    /// <summary>The start of a message's text, for quoting it under the new action (at most <see cref="MaxQuote"/> characters and an ellipsis).</summary>
    public static string QuoteOf(string? text)
    {
        var clean = CommandText.Clean(text);
        return clean.Length <= MaxQuote ? clean : clean[..MaxQuote].TrimEnd() + "\u2026";
    }

    /// <summary>
    /// What a message asks for, without its greeting and the asking ("Hi all, could someone…", "Can Sam…",
    /// "Please…"), so "Could Sam ring the hall by Friday?" reads as an action for Sam: "ring the hall", due Friday.
    /// </summary>
    public static string RequestOf(string? text)
    {
        var request = Greeting().Replace(CommandText.Clean(text), string.Empty, 1);
        return Asking().Replace(request, string.Empty, 1);
    }

    [GeneratedRegex(@"^(?:hi|hello|hey|morning|afternoon)(?:\s+(?:all|everyone|everybody|team|folks))?\s*[,!.]?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^(?:(?:could|can|would|will)\s+(?:(?:someone|somebody|anyone|anybody|you|one of us)\s+)?(?:please\s+)?|please\s+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Asking();

    private static Dictionary<string, string> Carried(Submission submission, params string[] keys)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (submission.Get(key) is { Length: > 0 } value)
            {
                data[key] = value;
            }
        }

        return data;
    }

    private static Card Form(TurnContext context, Submission submission, Dictionary<string, string> carried, FormValues values, FormErrors errors)
    {
        var data = carried.Select(p => (p.Key, p.Value)).ToList();
        foreach (var key in (ReadOnlySpan<string>)[ActionVerbs.ByKey, ActionVerbs.LinkKey])
        {
            if (submission.Get(key) is { Length: > 0 } value)
            {
                data.Add((key, value));
            }
        }

        var blocks = new List<CardBlock>();
        if (submission.Get(ActionVerbs.ByKey) is { Length: > 0 } by)
        {
            blocks.Add(new TextBlock($"From a message by {by}.", TextTone.Subtle));
        }

        blocks.Add(new InputBlock(new InputField(ActionVerbs.TitleKey, "What needs doing", FieldType.Text)
        {
            Value = values.Title,
            Required = true,
            MaxLength = ActionItem.MaxTitleLength,
            Error = errors.Title,
        }));
        blocks.Add(new InputBlock(ActionCards.MemberChoice(context, values.OwnerId, errors.Owner)));
        blocks.Add(new InputBlock(new InputField(ActionVerbs.DueKey, "Due date (optional)", FieldType.Date) { Value = values.Due, Error = errors.Due }));
        blocks.Add(new InputBlock(new InputField(ActionVerbs.StepKey, "Step", FieldType.Choice)
        {
            Value = values.Step.ToString(CultureInfo.InvariantCulture),
            Choices = [.. StepCatalogue.All.Select(s => new InputChoice(s.Number.ToString(CultureInfo.InvariantCulture), ActionText.Step(s.Number)))],
            Error = errors.Step,
        }));
        return new Card
        {
            Title = DialogTitle,
            Blocks = blocks,
            Actions = [new CardAction("Make the action", ActionVerbs.MessageMake, context.Data([.. data])) { Style = ActionStyle.Positive, SubmitsInputs = true }],
        };
    }

    private DatePhraseContext DateContext(TurnContext context) =>
        new(meetings.NextMeeting(context.State, context.Now) is { } next ? ReminderSchedule.LondonDate(next) : null);

    private sealed record FormValues(string Title, string? OwnerId, string? Due, int Step);

    private sealed record FormErrors(string? Title, string? Due, string? Owner, string? Step)
    {
        public bool Any => Title is not null || Due is not null || Owner is not null || Step is not null;
    }
}
