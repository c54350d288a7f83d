using System.Globalization;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Forms;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Drafting;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;

namespace CommunityPlanning.Conversations.Plans;

/// <summary>The plan's cards: the overview, the list of sections, a section's form, and the download links.</summary>
public static class PlanCards
{
    /// <summary>What the role rule for sections says, on the cards and in refusals.</summary>
    public const string WhoEdits = "Anyone in the group can edit a draft section. The chair, vice-chair, secretary or treasurer marks it agreed, and only they change it after that.";

    /// <summary>The plan at a glance: each section's status and who changed it last, with the buttons.</summary>
    public static Card Overview(TurnContext context, PlanRecord plan, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(plan);
        var blocks = new List<CardBlock>();
        if (note is not null)
        {
            blocks.Add(new TextBlock(note, TextTone.Good));
        }

        var stored = context.State.WithPrefix<PlanSectionRecord>(PlanSectionRecord.Prefix).ToDictionary(s => s.Section, StringComparer.Ordinal);
        if (stored.Count == 0)
        {
            blocks.Add(new TextBlock("Nothing drafted yet. Press \"Draft the plan\" and I'll write a first draft of each section from what you've recorded in the steps. Then edit each one."));
        }

        blocks.Add(new FactsBlock(PlanSections.All.Select((s, i) => new Fact(
            $"{Number(i + 1)}. {s.Title}",
            stored.TryGetValue(s.Id, out var record) ? StatusLine(record) : "Not drafted yet")).ToList()));
        var actions = context.State.WithPrefix<ActionItem>(ActionItem.Prefix).Count();
        blocks.Add(new FactsBlock([new Fact("Action plan", actions == 1 ? "1 action" : $"{Number(actions)} actions")]));
        blocks.Add(new TextBlock(WhoEdits, TextTone.Subtle));
        blocks.Add(new TextBlock("Type \"plan section vision\" to edit one, or \"plan document\" for the plan as a Word file.", TextTone.Subtle));
        return new Card
        {
            Title = $"The plan: {plan.CommunityName}",
            Subtitle = $"{plan.PlanType.Title()} · {(IsFinal(context) ? "Final" : "Draft until step 7 is complete")}",
            Blocks = blocks,
            Actions =
            [
                new CardAction("Draft the plan", PlanVerbs.Draft, context.Data()) { Style = ActionStyle.Positive },
                new CardAction("Edit a section", PlanVerbs.Sections, context.Data()),
                new CardAction("Word document", PlanVerbs.Document, context.Data()),
                new CardAction("Export actions", PlanVerbs.ExportActions, context.Data()),
            ],
        };
    }

    /// <summary>How many sections the first page of the list shows: with "More sections" that is six buttons, the most a card has.</summary>
    public const int FirstPage = 5;

    /// <summary>
    /// The sections as buttons, one under another, to pick one to edit: the first five, then the rest on a second
    /// page. Buttons, not a list to choose from, so Slack opens the section's form straight from the press.
    /// </summary>
    public static Card Sections(TurnContext context, int page)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shown = page == 2 ? PlanSections.All.Skip(FirstPage) : PlanSections.All.Take(FirstPage);
        var actions = shown.Select(s => new CardAction(s.Title, PlanVerbs.OpenSection, context.Data((PlanVerbs.SectionKey, s.Id)))).ToList();
        actions.Add(page == 2
            ? new CardAction("Back to the plan", PlanVerbs.Show, context.Data())
            : new CardAction("More sections", PlanVerbs.Sections, context.Data((PlanVerbs.PageKey, "2"))));
        return new Card
        {
            Title = "Edit a section of the plan",
            Subtitle = page == 2 ? "Sections 6 and 7" : "Sections 1 to 5",
            Blocks = [new TextBlock("Pick a section. You can also type \"plan section\" and its name, for example \"plan section vision\".", TextTone.Subtle)],
            ActionsStacked = true,
            Actions = actions,
        };
    }

    /// <summary>A section's form: its text and status, with errors beside the fields and a note at the top.</summary>
    public static Card Section(
        TurnContext context,
        PlanSectionDefinition section,
        PlanSectionRecord? record,
        IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, string>? errors = null,
        IEnumerable<(string Key, string Value)>? fingerprints = null,
        string? note = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(section);
        var blocks = new List<CardBlock> { new TextBlock(section.About, TextTone.Subtle) };
        if (errors is { Count: > 0 })
        {
            blocks.Add(new TextBlock("Please check the answers marked below. Nothing has been saved yet.", TextTone.Error));
        }
        else if (note is not null)
        {
            blocks.Add(new TextBlock(note, TextTone.Good));
        }

        blocks.AddRange(FormCards.Inputs(PlanSectionForm.Definition, values, errors));
        if (section.Id == PlanSections.Actions)
        {
            blocks.Add(new TextBlock("The document puts the table of every action under this text.", TextTone.Subtle));
        }

        blocks.Add(new TextBlock(WhoEdits, TextTone.Subtle));
        return new Card
        {
            Title = $"Plan section: {section.Title}",
            Subtitle = record is null ? "Not drafted yet" : StatusLine(record),
            Blocks = blocks,
            Actions =
            [
                new CardAction("Save", PlanVerbs.SaveSection, context.Data([(PlanVerbs.SectionKey, section.Id), .. fingerprints ?? []])) { Style = ActionStyle.Positive, SubmitsInputs = true },
                new CardAction("Back to the plan", PlanVerbs.Show, context.Data()),
            ],
        };
    }

    /// <summary>A download card: what the file holds, and a link button.</summary>
    public static Card Download(TurnContext context, string title, string what, string button, Uri link, string again)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Card
        {
            Title = title,
            Blocks =
            [
                new TextBlock(what),
                new TextBlock($"The link works for 7 days and anyone who has it can open the file. Type \"{again}\" for a fresh one.", TextTone.Subtle),
            ],
            Actions = [CardAction.Link(button, link), new CardAction("Back to the plan", PlanVerbs.Show, context.Data())],
        };
    }

    /// <summary>A section's status and who changed it last: "Agreed · Sam, Fri 14 Mar 2025".</summary>
    public static string StatusLine(PlanSectionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var who = record.ByBot ? $"drafted by the bot for {record.ChangedBy.Name}" : $"changed by {record.ChangedBy.Name}";
        return $"{record.Status.Title()} · {who}, {DisplayDates.Day(record.ChangedAt)}";
    }

    /// <summary>True once step 7 is complete: the plan is final.</summary>
    public static bool IsFinal(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.State.Find<StepRecord>(StepRecord.KeyFor(PlanDocumentModel.FinalStep)) is { Completed: true };
    }

    /// <summary>Whether this person may mark sections agreed, for the refusal's wording.</summary>
    public static bool IsOfficer(TurnContext context) => RoleRules.MayAgreePlanSection(context.State, context.Turn.From.Id);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
