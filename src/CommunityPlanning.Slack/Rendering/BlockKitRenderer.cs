using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Slack.Rendering;

/// <summary>
/// Renders the neutral card model as Block Kit: messages (header, sections, fields, checkboxes,
/// buttons) and modals (inputs). Text that may hold what people typed goes into <c>plain_text</c> objects
/// wherever Block Kit allows (headers, sections, context, buttons, checkbox options); where it must be
/// mrkdwn (a reply that mentions people, headings, facts' bold labels) it is escaped with <see cref="Mrkdwn"/>.
/// Every text is cut to Slack's limits; long content is split over several blocks and, past 50 blocks,
/// several messages.
/// </summary>
public static partial class BlockKitRenderer
{
    /// <summary>The button that opens a form posted in a channel.</summary>
    public const string FormButtonText = "Fill in the form";

    /// <summary>The callback id of the bot's modals.</summary>
    public const string ModalCallbackId = "cp.form";

    /// <summary>The action id of every input element (the input is named by its block id).</summary>
    public const string InputActionId = "value";

    /// <summary>
    /// The action id prefix of a button that submits the inputs in its message (a question card's Save): its
    /// block_actions carry the message's <c>state.values</c> as the submission's inputs.
    /// </summary>
    public const string SubmitActionPrefix = "submit-";

    // A part of a title shorter than this ("add", "edit") says too little to stand alone.
    private const int ShortestModalTitle = 8;

    /// <summary>The value of a yes/no input's single checkbox.</summary>
    public const string ToggleOn = "true";

    /// <summary>
    /// A reply as one or more messages (more only when it is longer than 50 blocks). A form's inputs are
    /// left out: forms open as modals (see <see cref="RenderFormLink"/> and <see cref="RenderModal"/>).
    /// </summary>
    public static IReadOnlyList<SlackMessage> RenderReply(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var blocks = new List<JsonObject>();
        string? fallback = null;
        if (!string.IsNullOrWhiteSpace(reply.Text))
        {
            var text = MentionText.Render(reply.Text, reply.Mentions, Mrkdwn.Escape, Mention);
            fallback = text;

            // Only a reply that mentions people needs mrkdwn (for <@U…>); anything else is shown as plain text.
            blocks.AddRange(reply.Mentions.Count > 0 ? Sections(text, escaped: true) : PlainSections(reply.Text));
        }

        if (reply.Card is { } card)
        {
            fallback ??= Mrkdwn.EscapeFit(card.Title, BlockKitLimits.FallbackText);
            var buttons = 0;

            // A question card keeps its input and Save button in the message; a form's open in a modal.
            AddCard(blocks, card, modal: false, card.Actions.Where(a => card.InputsInMessage || !a.SubmitsInputs), ref buttons);
        }

        return Split(blocks, fallback ?? string.Empty);
    }

    /// <summary>
    /// A form posted in a channel: its heading and text, and one button that opens it as a modal
    /// (the button sends <paramref name="open"/>).
    /// </summary>
    public static IReadOnlyList<SlackMessage> RenderFormLink(Card card, ActionValue open)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(open);
        var blocks = new List<JsonObject>();
        var buttons = 0;
        AddCard(blocks, card with { Blocks = card.Blocks.Where(b => b is not InputBlock).ToList() }, modal: false, [], ref buttons);
        blocks.AddRange(Actions([new ButtonSpec(FormButtonText, open, ActionStyle.Positive)], ref buttons));
        return Split(blocks, Mrkdwn.EscapeFit(card.Title, BlockKitLimits.FallbackText));
    }

    /// <summary>A form as a modal view; the submit button sends the card's submitting action.</summary>
    public static JsonObject RenderModal(Card card, string channel, string? replaceTs, string? threadTs = null, Uri? responseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(channel);
        var submit = card.Actions.FirstOrDefault(a => a.SubmitsInputs);
        var metadata = new ModalMetadata(channel, replaceTs, submit?.Verb, submit?.Data ?? new Dictionary<string, string>())
        {
            ThreadTs = threadTs,
            ResponseUrl = responseUrl?.ToString(),
        }.Encode();
        if (metadata.Length > BlockKitLimits.PrivateMetadata)
        {
            throw new InvalidOperationException($"A modal's private_metadata is {metadata.Length} characters; the limit is {BlockKitLimits.PrivateMetadata}.");
        }

        var blocks = new List<JsonObject>();
        var buttons = 0;
        AddCard(blocks, card, modal: true, card.Actions.Where(a => !a.SubmitsInputs), ref buttons);
        if (blocks.Count > BlockKitLimits.ModalBlocks)
        {
            throw new InvalidOperationException($"The form \"{card.Title}\" needs {blocks.Count} blocks; a Slack modal holds {BlockKitLimits.ModalBlocks}.");
        }

        var view = new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = ModalCallbackId,
            ["title"] = PlainText(ModalTitle(card.Title)),
            ["close"] = PlainText("Cancel"),
            ["private_metadata"] = metadata,
            ["blocks"] = new JsonArray([.. blocks]),
        };
        if (card.IsForm || submit is not null)
        {
            view["submit"] = PlainText(Mrkdwn.Fit(submit?.Title ?? "Save", BlockKitLimits.ModalButton));
        }

        return view;
    }

    /// <summary>
    /// A modal's title, which Slack cuts at 24 characters: the card's title when it fits, else the longest
    /// part of it that fits whole ("Step 2 · How the group works" → "How the group works"), else a plain
    /// "Form". A long title is shown in full as the modal's first heading anyway.
    /// </summary>
    public static string ModalTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var trimmed = title.Trim();
        if (trimmed.Length is > 0 and <= BlockKitLimits.ModalTitle)
        {
            return trimmed;
        }

        var parts = trimmed.Split([" · ", ": ", " - ", " – ", " — "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Where(p => p.Length is >= ShortestModalTitle and <= BlockKitLimits.ModalTitle).MaxBy(p => p.Length) ?? "Form";
    }

    /// <summary>The form's errors by input id (the block ids of its inputs), for <c>response_action: errors</c>.</summary>
    public static IReadOnlyDictionary<string, string> FormErrors(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.Blocks.OfType<InputBlock>()
            .Where(b => !string.IsNullOrWhiteSpace(b.Input.Error))
            .GroupBy(b => b.Input.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Mrkdwn.Fit(g.First().Input.Error!, BlockKitLimits.ErrorText), StringComparer.Ordinal);
    }

    private static void AddCard(List<JsonObject> blocks, Card card, bool modal, IEnumerable<CardAction> actions, ref int buttons)
    {
        if (!modal || card.Title.Length > BlockKitLimits.ModalTitle)
        {
            blocks.Add(new JsonObject { ["type"] = "header", ["text"] = PlainText(Mrkdwn.Fit(card.Title, BlockKitLimits.HeaderText)) });
        }

        if (!string.IsNullOrWhiteSpace(card.Subtitle))
        {
            blocks.Add(PlainContext(Mrkdwn.Fit(card.Subtitle, BlockKitLimits.ContextText)));
        }

        foreach (var block in card.Blocks)
        {
            switch (block)
            {
                case TextBlock text:
                    blocks.AddRange(Text(text));
                    break;
                case FactsBlock facts:
                    blocks.AddRange(Facts(facts));
                    break;
                case ChecklistBlock checklist:
                    blocks.AddRange(Checklist(checklist));
                    break;
                case InputBlock input when modal || card.InputsInMessage:
                    blocks.AddRange(Input(input.Input));
                    break;
                case ImageBlock image when Image(image) is { } rendered:
                    blocks.Add(rendered);
                    break;
                case MoreBlock more:
                    // Slack cannot fold content: a button asks the bot for it instead.
                    blocks.AddRange(Actions([new ButtonSpec(more.Title, new ActionValue(more.Verb, more.Data), ActionStyle.Default)], ref buttons));
                    break;
            }
        }

        blocks.AddRange(Actions(actions.Select(a => new ButtonSpec(a.Title, new ActionValue(a.Verb, a.Data), a.Style, a.Url) { SubmitsInputs = a.SubmitsInputs && !modal }).ToList(), ref buttons));
    }

    // Slack fetches the picture from its own servers when the message is posted, and refuses the whole message
    // when it can't: only a public https address (PublicBaseUrl) is sent; the card's words stand alone otherwise.
    private static JsonObject? Image(ImageBlock image) =>
        image.Url.Scheme == Uri.UriSchemeHttps && !image.Url.IsLoopback && image.Url.AbsoluteUri.Length <= BlockKitLimits.ImageUrl
            ? new JsonObject { ["type"] = "image", ["image_url"] = image.Url.AbsoluteUri, ["alt_text"] = Mrkdwn.Fit(image.AltText, BlockKitLimits.ImageAltText) }
            : null;

    private static IEnumerable<JsonObject> Text(TextBlock block) => block switch
    {
        { Tone: TextTone.Heading, Person: { } person } when SlackUserId().IsMatch(person.Id) => [Section($"*<@{person.Id}>*")],
        _ => ToneText(block),
    };

    private static IEnumerable<JsonObject> ToneText(TextBlock block) => block.Tone switch
    {
        TextTone.Subtle => Mrkdwn.Chunks(block.Text, BlockKitLimits.ContextText).Select(PlainContext),
        TextTone.Heading => Mrkdwn.EscapeChunks(block.Text, BlockKitLimits.SectionText - 2).Select(t => Section($"*{t}*")),
        TextTone.Good => PlainSections("✅ " + block.Text),
        TextTone.Warning => PlainSections("⚠️ " + block.Text),
        TextTone.Error => PlainSections("❗ " + block.Text),
        _ => PlainSections(block.Text),
    };

    private static IEnumerable<JsonObject> Sections(string text, bool escaped) =>
        Mrkdwn.SplitEscaped(escaped ? text : Mrkdwn.Escape(text), BlockKitLimits.SectionText).Select(Section);

    private static IEnumerable<JsonObject> PlainSections(string text) =>
        Mrkdwn.Chunks(text, BlockKitLimits.SectionText).Select(t => new JsonObject { ["type"] = "section", ["text"] = PlainText(t) });

    private static IEnumerable<JsonObject> Facts(FactsBlock block)
    {
        foreach (var chunk in block.Facts.Chunk(BlockKitLimits.FieldsPerSection))
        {
            var fields = new JsonArray();
            foreach (var fact in chunk)
            {
                var label = Mrkdwn.EscapeFit(fact.Label, BlockKitLimits.FieldText / 4);
                var linkText = fact.Link is { } link && link.Url.Scheme == Uri.UriSchemeHttps && link.Url.AbsoluteUri.Length <= BlockKitLimits.FieldText / 4
                    ? $" · <{link.Url.AbsoluteUri}|{Mrkdwn.EscapeFit(link.Text, BlockKitLimits.FieldText / 8).Replace("|", "\u2223", StringComparison.Ordinal)}>"
                    : fact.Link is { } plain ? " · " + Mrkdwn.EscapeFit(plain.Text, BlockKitLimits.FieldText / 8) : string.Empty;
                var value = fact.Person is { } person && SlackUserId().IsMatch(person.Id)
                    ? $"<@{person.Id}>"
                    : Mrkdwn.EscapeFit(fact.Value, BlockKitLimits.FieldText - label.Length - linkText.Length - 3) + linkText;
                fields.Add(MrkdwnText($"*{label}*\n{value}"));
            }

            yield return new JsonObject { ["type"] = "section", ["fields"] = fields };
        }
    }

    private static IEnumerable<JsonObject> Checklist(ChecklistBlock block)
    {
        if (block.Verb.Length > BlockKitLimits.ActionId)
        {
            throw new InvalidOperationException($"The checklist verb \"{block.Verb}\" is longer than a Slack action_id allows.");
        }

        if (block.Items.FirstOrDefault(i => i.Id.Length > BlockKitLimits.OptionValue) is { } overlong)
        {
            throw new InvalidOperationException($"The checklist item id \"{overlong.Id}\" is longer than a Slack option value allows.");
        }

        // A checkbox option holds 75 characters: a list with a longer item shows each item whole in a
        // section of its own, with its tick box beside it, so nobody ticks something they could not read.
        return block.Items.Any(i => i.Text.Length > BlockKitLimits.OptionText) ? ItemSections(block) : Checkboxes(block);
    }

    private static IEnumerable<JsonObject> Checkboxes(ChecklistBlock block)
    {
        var part = 0;
        foreach (var chunk in block.Items.Chunk(BlockKitLimits.OptionsPerCheckboxes))
        {
            var element = CheckboxElement(block.Verb, chunk.Select(item => (item, Option(item.Text, item))));
            yield return new JsonObject
            {
                ["type"] = "actions",
                ["block_id"] = ChecklistBlockId.Encode(block.Data, part++),
                ["elements"] = new JsonArray(element),
            };
        }
    }

    private static IEnumerable<JsonObject> ItemSections(ChecklistBlock block)
    {
        var part = 0;
        foreach (var item in block.Items)
        {
            yield return new JsonObject
            {
                ["type"] = "section",
                ["block_id"] = ChecklistBlockId.Encode(block.Data, part++),
                ["text"] = PlainText(Mrkdwn.Fit(item.Text, BlockKitLimits.SectionText)),
                ["accessory"] = CheckboxElement(block.Verb, [(item, Option("Done", item))]),
            };
        }
    }

    private static JsonObject Option(string text, ChecklistEntry item)
    {
        var option = new JsonObject { ["text"] = PlainText(Mrkdwn.Fit(text, BlockKitLimits.OptionText)), ["value"] = item.Id };
        if (!string.IsNullOrWhiteSpace(item.Detail))
        {
            option["description"] = PlainText(Mrkdwn.Fit(item.Detail, BlockKitLimits.OptionDescription));
        }

        return option;
    }

    private static JsonObject CheckboxElement(string verb, IEnumerable<(ChecklistEntry Item, JsonObject Option)> options)
    {
        var all = new JsonArray();
        var initial = new JsonArray();
        foreach (var (item, option) in options)
        {
            all.Add(option);
            if (item.Done)
            {
                initial.Add(option.DeepClone());
            }
        }

        var element = new JsonObject { ["type"] = "checkboxes", ["action_id"] = verb, ["options"] = all };
        if (initial.Count > 0)
        {
            element["initial_options"] = initial;
        }

        return element;
    }

    private static List<JsonObject> Actions(IReadOnlyList<ButtonSpec> specs, ref int counter)
    {
        var blocks = new List<JsonObject>();
        foreach (var chunk in specs.Chunk(BlockKitLimits.ElementsPerActions))
        {
            var elements = new JsonArray();
            foreach (var spec in chunk)
            {
                if (spec.Url is { } url)
                {
                    // A link button opens the page; with no value, its block_actions echo is ignored.
                    elements.Add(new JsonObject
                    {
                        ["type"] = "button",
                        ["action_id"] = "link-" + (counter++).ToString(CultureInfo.InvariantCulture),
                        ["text"] = PlainText(Mrkdwn.Fit(spec.Title, BlockKitLimits.ButtonText)),
                        ["url"] = url.AbsoluteUri,
                    });
                    continue;
                }

                var value = spec.Value.Encode();
                if (value.Length > BlockKitLimits.ButtonValue)
                {
                    throw new InvalidOperationException($"The button \"{spec.Title}\" carries {value.Length} characters; a Slack button value holds {BlockKitLimits.ButtonValue}.");
                }

                var button = new JsonObject
                {
                    ["type"] = "button",
                    ["action_id"] = (spec.SubmitsInputs ? SubmitActionPrefix : "btn-") + (counter++).ToString(CultureInfo.InvariantCulture),
                    ["text"] = PlainText(Mrkdwn.Fit(spec.Title, BlockKitLimits.ButtonText)),
                    ["value"] = value,
                };
                if (spec.Style != ActionStyle.Default)
                {
                    button["style"] = spec.Style == ActionStyle.Positive ? "primary" : "danger";
                }

                elements.Add(button);
            }

            blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = elements });
        }

        return blocks;
    }

    private static List<SlackMessage> Split(List<JsonObject> blocks, string fallback)
    {
        var text = fallback.Length > BlockKitLimits.FallbackText ? Mrkdwn.Fit(fallback, BlockKitLimits.FallbackText) : fallback;
        return blocks.Chunk(BlockKitLimits.MessageBlocks)
            .Select(chunk => new SlackMessage(text, new JsonArray([.. chunk])))
            .ToList();
    }

    private static string Mention(MemberRef member) =>
        SlackUserId().IsMatch(member.Id) ? $"<@{member.Id}>" : "@" + Mrkdwn.Escape(member.Name);

    private static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = MrkdwnText(mrkdwn) };

    private static JsonObject PlainContext(string text) => new() { ["type"] = "context", ["elements"] = new JsonArray(PlainText(text)) };

    private static JsonObject MrkdwnText(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    [GeneratedRegex("^[UW][A-Z0-9]{2,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlackUserId();

    private sealed record ButtonSpec(string Title, ActionValue Value, ActionStyle Style, Uri? Url = null)
    {
        public bool SubmitsInputs { get; init; }
    }
}
