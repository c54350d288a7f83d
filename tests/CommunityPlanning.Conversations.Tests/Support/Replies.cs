using System.Collections;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Turns;

namespace CommunityPlanning.Conversations.Tests.Support;

/// <summary>The replies to one turn, with assertions that read like a script.</summary>
public sealed class Replies(IReadOnlyList<Reply> replies) : IReadOnlyList<Reply>
{
    public int Count => replies.Count;

    public Reply this[int index] => replies[index];

    /// <summary>Everything people would read, as plain text: reply text and every card's text.</summary>
    public string Text => string.Join("\n", replies.Select(Flatten));

    /// <summary>The last card shown.</summary>
    public Card Card => replies.LastOrDefault(r => r.Card is not null)?.Card ?? throw new Xunit.Sdk.XunitException("No card in the replies:\n" + Text);

    public Replies AssertReply(string expected)
    {
        Assert.True(Text.Contains(expected, StringComparison.OrdinalIgnoreCase), $"Expected \"{expected}\" in:\n{Text}");
        return this;
    }

    public Replies AssertNoReply(string unexpected)
    {
        Assert.False(Text.Contains(unexpected, StringComparison.OrdinalIgnoreCase), $"Did not expect \"{unexpected}\" in:\n{Text}");
        return this;
    }

    public Replies AssertMode(ReplyMode mode)
    {
        Assert.Contains(replies, r => r.Mode == mode);
        return this;
    }

    /// <summary>The error shown beside an input on the last card.</summary>
    public string? ErrorBeside(string inputId) =>
        Card.Blocks.OfType<InputBlock>().Single(b => b.Input.Id == inputId).Input.Error;

    public CardAction Button(string title) => Button(Card, title);

    public static CardAction Button(Card card, string title) =>
        card.Actions.FirstOrDefault(a => a.Title == title)
        ?? card.Actions.FirstOrDefault(a => a.Title.StartsWith(title, StringComparison.OrdinalIgnoreCase))
        ?? throw new Xunit.Sdk.XunitException($"No button \"{title}\" on card \"{card.Title}\"; buttons: {string.Join(", ", card.Actions.Select(a => a.Title))}");

    public IEnumerator<Reply> GetEnumerator() => replies.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static string Flatten(Reply reply)
    {
        var lines = new List<string>();
        if (reply.Text is { } text)
        {
            lines.Add(text);
        }

        if (reply.Card is { } card)
        {
            lines.Add(card.Title);
            if (card.Subtitle is { } subtitle)
            {
                lines.Add(subtitle);
            }

            foreach (var block in card.Blocks)
            {
                switch (block)
                {
                    case TextBlock t:
                        lines.Add(t.Text);
                        break;
                    case FactsBlock f:
                        lines.AddRange(f.Facts.Select(x => $"{x.Label}: {x.Value}"));
                        break;
                    case ChecklistBlock c:
                        lines.AddRange(c.Items.Select(i => $"[{(i.Done ? "x" : " ")}] {i.Text}"));
                        break;
                    case MoreBlock m:
                        lines.Add("[" + m.Title + "]");
                        lines.AddRange(m.Blocks.OfType<TextBlock>().Select(t => t.Text));
                        lines.AddRange(m.Blocks.OfType<FactsBlock>().SelectMany(f => f.Facts).Select(f => $"{f.Label}: {f.Value}"));
                        break;
                    case InputBlock i:
                        lines.Add($"{i.Input.Label} = {i.Input.Value}{(i.Input.Error is { } e ? " ⚠ " + e : string.Empty)}");
                        if (i.Input.Choices.Count > 0)
                        {
                            lines.Add("Choices: " + string.Join(" | ", i.Input.Choices.Select(c => c.Title)));
                        }

                        break;
                }
            }

            lines.Add("Buttons: " + string.Join(" | ", card.Actions.Select(a => a.Title)));
        }

        return string.Join("\n", lines);
    }
}
