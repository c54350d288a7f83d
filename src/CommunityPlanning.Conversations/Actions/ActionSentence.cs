using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Actions;

/// <summary>What an action sentence says about its due date.</summary>
public enum DueReading
{
    /// <summary>No due date was mentioned.</summary>
    None,

    /// <summary>A due date was found.</summary>
    Found,

    /// <summary>Something like a due date was there but could not be read ("by someday"): ask.</summary>
    NotUnderstood,
}

/// <summary>An action sentence taken apart: title, owner, due date and step.</summary>
/// <param name="Title">What is to be done, with the owner, date and step removed.</param>
/// <param name="Owner">The owner, when the sentence named one by mention or said "I'll".</param>
/// <param name="Due">The due date, when <see cref="Reading"/> is <see cref="DueReading.Found"/>.</param>
/// <param name="Reading">Whether a due date was found, absent, or not understood.</param>
/// <param name="DueProblem">Why the date could not be read, in plain words, when there is a reason to give.</param>
/// <param name="Step">The step it names ("for step 4"), or null for the current step.</param>
public sealed record ParsedAction(string Title, MemberRef? Owner, DateOnly? Due, DueReading Reading, string? DueProblem, int? Step);

/// <summary>
/// Reads action sentences: "action @Sam book the village hall by Friday", "@Sam to ask the council about
/// the speed survey by 14/3", "action: update the website", "I'll draft the newsletter by end of month".
/// Only mentions make owners: the text carries the mentioned person's display name, which is removed
/// from the title.
/// </summary>
public static partial class ActionSentence
{
    /// <summary>Reads the part after "action": an optional owner mention, then the action.</summary>
    public static ParsedAction? FromActionCommand(string rest, IReadOnlyList<MemberRef> mentions, DateOnly today, DatePhraseContext context)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(mentions);
        var text = rest.Trim();
        MemberRef? owner = null;
        if (LeadingMention(text, mentions) is { } found)
        {
            owner = found.Member;
            text = LeadingLink().Replace(text[found.Length..].TrimStart(), string.Empty, 1);
        }

        return Parse(text, owner, today, context);
    }

    /// <summary>Reads "@Sam to …" (owner first) or "I'll …" (the sender owns it); null when the text is neither.</summary>
    public static ParsedAction? FromSentence(string text, MemberRef sender, IReadOnlyList<MemberRef> mentions, DateOnly today, DatePhraseContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mentions);
        var trimmed = text.Trim();
        var self = SelfOwned().Match(trimmed);
        if (self.Success)
        {
            return Parse(self.Groups["rest"].Value, sender, today, context);
        }

        if (LeadingMention(trimmed, mentions) is { } found)
        {
            var link = OwnerLink().Match(trimmed[found.Length..]);
            if (link.Success)
            {
                return Parse(link.Groups["rest"].Value, found.Member, today, context);
            }
        }

        return null;
    }

    private static ParsedAction? Parse(string text, MemberRef? owner, DateOnly today, DatePhraseContext context)
    {
        int? step = null;
        var stepMatch = StepPhrase().Match(text);
        if (stepMatch.Success && int.TryParse(stepMatch.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var named) && StepCatalogue.IsValid(named))
        {
            step = named;
            text = text.Remove(stepMatch.Index, stepMatch.Length).Trim();
        }

        var due = DatePhraseParser.FindDueDate(text, today, context);
        var title = Tidy(due.Title);
        if (due.DueDate is { Success: true } found)
        {
            return new ParsedAction(title, owner, found.Date, DueReading.Found, null, step);
        }

        if (due.DueDate is { } failed)
        {
            return new ParsedAction(title, owner, null, DueReading.NotUnderstood, failed.FailureReason, step);
        }

        var vague = VagueDue().Match(text);
        if (vague.Success)
        {
            return new ParsedAction(Tidy(text[..vague.Index]), owner, null, DueReading.NotUnderstood, null, step);
        }

        return new ParsedAction(title, owner, null, DueReading.None, null, step);
    }

    private static (MemberRef Member, int Length)? LeadingMention(string text, IReadOnlyList<MemberRef> mentions)
    {
        var at = text.StartsWith('@') ? 1 : 0;
        foreach (var member in mentions.Where(m => m.Name.Length > 0).OrderByDescending(m => m.Name.Length))
        {
            var end = at + member.Name.Length;
            if (text.Length >= end
                && string.Compare(text, at, member.Name, 0, member.Name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (text.Length == end || !char.IsLetterOrDigit(text[end])))
            {
                return (member, end);
            }
        }

        return null;
    }

    private static string Tidy(string title)
    {
        var trimmed = title.Trim().TrimEnd(',', ';', ':', '-', '–', '—', ' ');
        return trimmed.TrimStart(',', ';', ':', '-', '–', '—', ' ');
    }

    // What may join an owner to the action after "action @Sam": "to", "will", a colon or a dash.
    [GeneratedRegex(@"^(?:(?:to|will|should|can|please)\b|[:,\-–—])\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingLink();

    [GeneratedRegex(@"^\s*(?:to|will|should|can|please|is going to)\s+(?<rest>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex OwnerLink();

    [GeneratedRegex(@"^(?:I['’]ll|I will|I shall|I'm going to|I’m going to|I am going to)\s+(?<rest>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex SelfOwned();

    // "for step 4", "(step 4)", "in step 4" anywhere, or "step 4" at the very end.
    [GeneratedRegex(@"\s*[,;]?\s*(?:\(\s*(?:for\s+|in\s+)?step\s+(?<n>[1-9])\s*\)|\b(?:for|in|under)\s+step\s+(?<n>[1-9])\b|\bstep\s+(?<n>[1-9])\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StepPhrase();

    // A due-date introducer at the end whose words the date parser could not read: "by someday", "before the fete".
    // "by hand", "by email" and the like say how, not when.
    [GeneratedRegex(@"\s*[,;\-–—]?\s*(?<![\p{L}\p{N}])(?:(?:no|not)\s+later\s+than|due\s+(?:by|on|before)|by|before|due)\s+(?!(?:hand|e-?mail|post|phone|car|bus|bike|foot|text|letter|the way)\b)[^,;]{1,40}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VagueDue();
}
