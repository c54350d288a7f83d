using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Cards;

namespace CommunityPlanning.Teams.Cards;

/// <summary>
/// Renders the neutral <see cref="Card"/> as an Adaptive Card 1.5 for Teams. Every button is an
/// <c>Action.Execute</c> (Universal Actions) with an <c>Action.Submit</c> fallback carrying the same data
/// (<see cref="AdaptiveCardData"/>). Stateless: register one instance.
/// </summary>
public sealed class AdaptiveCardRenderer
{
    /// <summary>The Adaptive Card schema version rendered.</summary>
    public const string Version = "1.5";

    /// <summary>The content type of an Adaptive Card attachment.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>
    /// How many buttons show on the card itself, so their titles fit on one line at 560 px; any more are
    /// put in its overflow ("…") menu.
    /// </summary>
    public const int MaxPrimaryActions = 3;

    /// <summary>The most buttons a card may carry in all, overflow included (Teams shows at most six).</summary>
    public const int MaxActions = 6;

    /// <summary>
    /// The largest card, in bytes, we are happy to send. Teams refuses cards over about 28 KB; this
    /// leaves room for the activity around it.
    /// </summary>
    public const int RecommendedMaxBytes = 25 * 1024;

    private const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>Renders a card.</summary>
    /// <param name="card">The neutral card.</param>
    /// <returns>A new Adaptive Card object.</returns>
    /// <exception cref="ArgumentException">An input id starts with "cp" or appears twice (a programming error).</exception>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "A service injected as a singleton, so callers can be tested with another renderer.")]
    public JsonObject Render(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        CheckInputIds(card);

        var body = new JsonArray
        {
            AdaptiveText.Block(card.Title, new JsonObject { ["style"] = "heading", ["size"] = "Large", ["weight"] = "Bolder" }),
        };
        if (!string.IsNullOrWhiteSpace(card.Subtitle))
        {
            body.Add(AdaptiveText.Block(card.Subtitle, new JsonObject { ["isSubtle"] = true, ["spacing"] = "None" }));
        }

        foreach (var block in card.Blocks)
        {
            AddBlock(body, block);
        }

        var actions = new JsonArray();
        foreach (var action in card.Actions)
        {
            var button = Button(action);
            if (actions.Count >= MaxPrimaryActions)
            {
                // Teams shows a handful of buttons; the rest go in the card's "…" menu rather than vanish.
                button["mode"] = "secondary";
            }

            actions.Add(button);
        }

        var rendered = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = Schema,
            ["version"] = Version,
            ["body"] = body,
        };
        if (actions.Count > 0 && card.ActionsStacked)
        {
            // One button a row, each with the card's full width.
            foreach (var button in actions.Select(a => a!.DeepClone()).OfType<JsonObject>())
            {
                button.Remove("mode");
                body.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray { button } });
            }
        }
        else if (actions.Count > 0 && card.ActionsFirst)
        {
            // Under the heading (and subtitle), so the button people need is seen without scrolling. That first
            // button has a row of its own, so its title is never cut short on a phone.
            var at = string.IsNullOrWhiteSpace(card.Subtitle) ? 1 : 2;
            body.Insert(at, new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray { actions[0]!.DeepClone() } });
            if (actions.Count > 1)
            {
                body.Insert(at + 1, new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray(actions.Skip(1).Select(a => a!.DeepClone()).ToArray()) });
            }
        }
        else if (actions.Count > 0)
        {
            rendered["actions"] = actions;
        }

        return rendered;
    }

    /// <summary>
    /// Renders a card with a <c>refresh</c> action, so each listed person sees their own view of it
    /// (see <see cref="AdaptiveRefresh"/>).
    /// </summary>
    /// <param name="card">The neutral card.</param>
    /// <param name="refresh">The refresh action and who it is for.</param>
    /// <returns>A new Adaptive Card object.</returns>
    /// <exception cref="ArgumentException">More than <see cref="AdaptiveRefresh.MaxUserIds"/> people, or none.</exception>
    public JsonObject Render(Card card, AdaptiveRefresh refresh)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        if (refresh.UserIds.Count is 0 or > AdaptiveRefresh.MaxUserIds)
        {
            throw new ArgumentException($"A refresh names 1 to {AdaptiveRefresh.MaxUserIds} people; this one names {refresh.UserIds.Count}.", nameof(refresh));
        }

        var rendered = Render(card);
        var userIds = new JsonArray();
        foreach (var id in refresh.UserIds)
        {
            userIds.Add(id);
        }

        rendered["refresh"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = refresh.Verb,
                ["data"] = AdaptiveCardData.Encode(refresh.Verb, refresh.Data),
            },
            ["userIds"] = userIds,
        };
        return rendered;
    }

    /// <summary>
    /// The size of a card as sent, in UTF-8 bytes (serialised with default options, which escape
    /// non-ASCII characters, so this errs on the large side). Compare with <see cref="RecommendedMaxBytes"/>.
    /// </summary>
    /// <param name="card">A rendered card.</param>
    /// <returns>Its size in bytes.</returns>
    public static int MeasureBytes(JsonNode card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Encoding.UTF8.GetByteCount(card.ToJsonString());
    }

    private static void AddBlock(JsonArray body, CardBlock block)
    {
        switch (block)
        {
            case TextBlock text:
                body.Add(Text(text));
                break;
            case FactsBlock facts when facts.Facts.Count > 0:
                body.Add(Facts(facts));
                break;
            case ChecklistBlock checklist:
                foreach (var entry in checklist.Items)
                {
                    body.Add(ChecklistRow(checklist, entry));
                }

                break;
            case InputBlock input:
                AdaptiveInputs.Render(input.Input, body);
                break;
            case ImageBlock image:
                body.Add(new JsonObject { ["type"] = "Image", ["url"] = image.Url.AbsoluteUri, ["altText"] = image.AltText, ["size"] = "Stretch" });
                break;
            case MoreBlock more:
                // Folds one after another share a row of buttons, each opening under the row.
                if (body.Count > 0 && body[^1] is JsonObject last && (string?)last["type"] == "ActionSet" && last["actions"] is JsonArray row
                    && row.Count <= MaxPrimaryActions && row.All(a => (string?)a?["type"] == "Action.ShowCard"))
                {
                    row.Add(ShowMore(more)["actions"]![0]!.DeepClone());
                }
                else
                {
                    body.Add(ShowMore(more));
                }

                break;
            case FactsBlock:
                break;
            default:
                throw new ArgumentException($"Unknown card block {block.GetType().Name}.", nameof(block));
        }
    }

    // Folded content opens in place under its button: an Action.ShowCard in an ActionSet.
    private static JsonObject ShowMore(MoreBlock block)
    {
        var inner = new JsonArray();
        foreach (var child in block.Blocks)
        {
            AddBlock(inner, child);
        }

        return new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "Action.ShowCard",
                    ["title"] = block.Title,
                    ["card"] = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = inner },
                },
            },
        };
    }

    private static JsonObject Text(TextBlock block)
    {
        // Only Attention meets 4.5:1 in both Teams themes; good news and warnings use the default colour
        // with a sign, so they never rest on colour alone.
        return block.Tone switch
        {
            TextTone.Heading => AdaptiveText.Block(block.Text, new JsonObject { ["size"] = "Medium", ["weight"] = "Bolder" }),
            TextTone.Subtle => AdaptiveText.Block(block.Text, new JsonObject { ["isSubtle"] = true }),
            TextTone.Good => AdaptiveText.Block(WithSign("✅", block.Text)),
            TextTone.Warning => AdaptiveText.Block(WithSign("⚠️", block.Text)),
            TextTone.Error => AdaptiveText.Block(block.Text, new JsonObject { ["color"] = "Attention", ["weight"] = "Bolder" }),
            _ => AdaptiveText.Block(block.Text),
        };
    }

    private static string WithSign(string sign, string text) =>
        text.StartsWith(sign, StringComparison.Ordinal) ? text : sign + " " + text;

    // A FactSet reads its titles and values as Markdown; when one would be changed by it, the facts go in
    // rows of two columns holding plain text instead.
    private static JsonObject Facts(FactsBlock block)
    {
        if (block.Facts.All(f => f.Link is null && AdaptiveText.IsPlain(f.Label) && AdaptiveText.IsPlain(f.Value)))
        {
            var facts = new JsonArray();
            foreach (var fact in block.Facts)
            {
                facts.Add(new JsonObject { ["title"] = fact.Label, ["value"] = fact.Value });
            }

            return new JsonObject { ["type"] = "FactSet", ["facts"] = facts };
        }

        var rows = new JsonArray();
        foreach (var fact in block.Facts)
        {
            rows.Add(new JsonObject
            {
                ["type"] = "ColumnSet",
                ["spacing"] = "Small",
                ["columns"] = new JsonArray
                {
                    new JsonObject { ["type"] = "Column", ["width"] = 2, ["items"] = new JsonArray { AdaptiveText.Block(fact.Label, new JsonObject { ["weight"] = "Bolder" }) } },
                    new JsonObject { ["type"] = "Column", ["width"] = 3, ["items"] = new JsonArray { fact.Link is { } link ? LinkedValue(fact.Value, link) : AdaptiveText.Block(fact.Value) } },
                },
            });
        }

        return new JsonObject { ["type"] = "Container", ["items"] = rows };
    }

    // A value followed by a link: TextRuns are never read as Markdown, and the link's run opens its page.
    private static JsonObject LinkedValue(string value, FactLink link) => new()
    {
        ["type"] = "RichTextBlock",
        ["inlines"] = new JsonArray
        {
            new JsonObject { ["type"] = "TextRun", ["text"] = value + " · " },
            new JsonObject
            {
                ["type"] = "TextRun",
                ["text"] = link.Text,
                ["selectAction"] = new JsonObject { ["type"] = "Action.OpenUrl", ["url"] = link.Url.AbsoluteUri, ["title"] = link.Text },
            },
        },
    };

    // One row per item: a tick box glyph and the item, the whole row tappable. The action asks for the
    // state wanted (not a toggle), so a stale card cannot undo someone else's tick.
    private static JsonObject ChecklistRow(ChecklistBlock block, ChecklistEntry entry)
    {
        var wanted = (!entry.Done).ToString().ToLowerInvariant();
        var data = AdaptiveCardData.Encode(
            block.Verb,
            block.Data,
            new(ChecklistBlock.ItemKey, entry.Id),
            new(ChecklistBlock.DoneKey, wanted));
        var title = entry.Done ? "Untick" : "Tick";
        var tooltip = entry.Done ? "Untick this item" : "Tick this item";

        var itemColumn = new JsonArray { AdaptiveText.Block(entry.Text) };
        if (!string.IsNullOrWhiteSpace(entry.Detail))
        {
            itemColumn.Add(AdaptiveText.Block(entry.Detail, new JsonObject { ["isSubtle"] = true, ["size"] = "Small", ["spacing"] = "None" }));
        }

        // Large and in the text colour: a faint green tick was hard to see (and 2:1 on white).
        var glyph = new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = entry.Done ? "☑" : "☐",
            ["size"] = "Large",
            ["weight"] = "Bolder",
        };

        return new JsonObject
        {
            ["type"] = "ColumnSet",
            ["spacing"] = "Small",
            ["selectAction"] = Execute(title, block.Verb, data, ActionStyle.Default, submitsInputs: false, tooltip),
            ["columns"] = new JsonArray
            {
                new JsonObject { ["type"] = "Column", ["width"] = "auto", ["items"] = new JsonArray { glyph } },
                new JsonObject { ["type"] = "Column", ["width"] = "stretch", ["items"] = itemColumn },
            },
        };
    }

    private static JsonObject Button(CardAction action) => action.Url is { } url
        ? new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = action.Title, ["url"] = url.AbsoluteUri }
        : Execute(action.Title, action.Verb, AdaptiveCardData.Encode(action.Verb, action.Data), action.Style, action.SubmitsInputs, tooltip: null);

    private static JsonObject Execute(string title, string verb, JsonObject data, ActionStyle style, bool submitsInputs, string? tooltip)
    {
        var associatedInputs = submitsInputs ? "auto" : "none";
        var execute = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = verb,
            ["data"] = data.DeepClone(),
            ["associatedInputs"] = associatedInputs,
        };
        var submit = new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = title,
            ["data"] = data,
            ["associatedInputs"] = associatedInputs,
        };
        foreach (var action in (ReadOnlySpan<JsonObject>)[execute, submit])
        {
            if (StyleName(style) is { } name)
            {
                action["style"] = name;
            }

            if (tooltip is not null)
            {
                action["tooltip"] = tooltip;
            }
        }

        execute["fallback"] = submit;
        return execute;
    }

    private static string? StyleName(ActionStyle style) => style switch
    {
        ActionStyle.Positive => "positive",
        ActionStyle.Destructive => "destructive",
        _ => null,
    };

    private static void CheckInputIds(Card card)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in card.Blocks)
        {
            if (block is not InputBlock { Input: var input })
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(input.Id))
            {
                throw new ArgumentException($"The input \"{input.Label}\" has no id.", nameof(card));
            }

            if (AdaptiveCardData.IsReserved(input.Id))
            {
                throw new ArgumentException(
                    $"The input id \"{input.Id}\" starts with \"{AdaptiveCardData.ReservedPrefix}\", which is reserved for action data.",
                    nameof(card));
            }

            if (!seen.Add(input.Id))
            {
                throw new ArgumentException($"The input id \"{input.Id}\" appears twice on the card.", nameof(card));
            }
        }
    }
}
