using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Journey;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Drafting;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;

namespace CommunityPlanning.Conversations.Plans;

/// <summary>
/// Step 6's drafting and the documents: <c>plan</c> shows the plan's sections, <c>draft the plan</c> (and the
/// step 6 card's button) drafts each section nobody has edited from what the group recorded, <c>plan section
/// vision</c> opens a section's form, <c>plan document</c> and <c>export actions</c> answer with download links.
/// Anyone edits a draft section; officers mark it agreed and alone change it after (<see cref="RoleRules"/>).
/// </summary>
public sealed partial class PlanCommand(IPlanLinks links) : ICommand, ICardActionHandler
{
    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public bool Handles(string verb) =>
        verb is PlanVerbs.Show or PlanVerbs.Draft or PlanVerbs.Sections or PlanVerbs.OpenSection or PlanVerbs.SaveSection or PlanVerbs.Document or PlanVerbs.ExportActions;

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(match);
        if (context.Plan is not { } plan)
        {
            context.Say(Messages.NoPlanYet);
            return ValueTask.CompletedTask;
        }

        if (match.Groups["draft"].Success)
        {
            DraftAll(context, plan, ReplyMode.New);
        }
        else if (match.Groups["document"].Success)
        {
            Document(context, plan);
        }
        else if (match.Groups["export"].Success)
        {
            Export(context, plan);
        }
        else if (match.Groups["sections"].Success)
        {
            context.Show(PlanCards.Sections(context, 1));
        }
        else if (match.Groups["name"].Success)
        {
            if (PlanSections.Find(match.Groups["name"].Value) is { } section)
            {
                context.Show(OpenSection(context, section));
            }
            else
            {
                context.Say($"There's no section called \"{match.Groups["name"].Value}\". The sections are: {string.Join(", ", PlanSections.All.Select(s => s.Title))}. Type \"plan section vision\", for example.");
            }
        }
        else
        {
            context.Show(PlanCards.Overview(context, plan));
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Submission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(submission);
        if (context.Plan is not { } plan)
        {
            context.Add(new Reply { Text = Messages.NoPlanYet, Mode = ReplyMode.Private });
            return ValueTask.CompletedTask;
        }

        switch (submission.Verb)
        {
            case PlanVerbs.Draft:
                DraftAll(context, plan, ReplyMode.New);
                break;
            case PlanVerbs.Sections:
                context.Show(PlanCards.Sections(context, submission.Get(PlanVerbs.PageKey) == "2" ? 2 : 1), ReplyMode.ReplaceSource);
                break;
            case PlanVerbs.OpenSection:
                if (PlanSections.ById(submission.Get(PlanVerbs.SectionKey)) is { } section)
                {
                    context.Show(OpenSection(context, section), ReplyMode.ReplaceSource);
                }
                else
                {
                    context.Show(PlanCards.Sections(context, 1), ReplyMode.ReplaceSource);
                }

                break;
            case PlanVerbs.SaveSection:
                Save(context, submission);
                break;
            case PlanVerbs.Document:
                Document(context, plan);
                break;
            case PlanVerbs.ExportActions:
                Export(context, plan);
                break;
            default:
                context.Show(PlanCards.Overview(context, plan), ReplyMode.ReplaceSource);
                break;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Drafts each section that has no text yet or still holds the bot's draft; sections a member edited or agreed
    /// are kept. Only sections whose draft changed are written.
    /// </summary>
    internal static (int Drafted, int Kept) Draft(TurnContext context)
    {
        var drafted = 0;
        var kept = 0;
        foreach (var section in PlanSections.All)
        {
            var existing = context.State.Find<PlanSectionRecord>(PlanSectionRecord.KeyFor(section.Id));
            if (existing is not null && (!existing.ByBot || existing.Status == PlanSectionStatus.Agreed))
            {
                kept++;
                continue;
            }

            var text = PlanDrafter.Draft(section.Id, context.State);
            drafted++;
            if (existing is null || !string.Equals(existing.Text, text, StringComparison.Ordinal))
            {
                context.State.Put(new PlanSectionRecord(section.Id, text, PlanSectionStatus.Draft, context.Turn.From, context.Now) { ByBot = true });
            }
        }

        return (drafted, kept);
    }

    private static void DraftAll(TurnContext context, PlanRecord plan, ReplyMode mode)
    {
        var (drafted, kept) = Draft(context);
        var note = drafted == 0
            ? "Every section has been edited or agreed by the group, so I haven't redrafted any."
            : $"I've drafted {Sections(drafted)} from what you've recorded in the steps{(kept > 0 ? $", and kept {Sections(kept)} the group has edited or agreed" : string.Empty)}. Read each one and make it yours.";
        context.Show(PlanCards.Overview(context, plan, note), mode);
    }

    private static Cards.Card OpenSection(TurnContext context, PlanSectionDefinition section, string? note = null)
    {
        var record = context.State.Find<PlanSectionRecord>(PlanSectionRecord.KeyFor(section.Id));
        var values = Values(record?.Text ?? PlanDrafter.Draft(section.Id, context.State), record?.Status ?? PlanSectionStatus.Draft);

        // A section not drafted yet shows the bot's draft; saving it keeps it, so it has no stored value to protect.
        var shown = record is null ? null : ShownValues.Data(PlanSectionForm.Definition, values);
        return PlanCards.Section(context, section, record, values, fingerprints: shown, note: note);
    }

    private static Dictionary<string, string> Values(string text, PlanSectionStatus status) =>
        new(StringComparer.Ordinal) { [PlanVerbs.TextInput] = text, [PlanVerbs.StatusInput] = status.Value() };

    /// <summary>
    /// Saves a section's form. A field whose value still matches what the card showed keeps what is stored now
    /// (someone may have changed it meanwhile), so a stale card writes only what this person changed.
    /// </summary>
    private static void Save(TurnContext context, Submission submission)
    {
        if (PlanSections.ById(submission.Get(PlanVerbs.SectionKey)) is not { } section)
        {
            JourneyData.Whisper(context, "That card doesn't say which section it is for. Type \"plan\" for a fresh card.");
            return;
        }

        var form = PlanSectionForm.Definition;
        var record = context.State.Find<PlanSectionRecord>(PlanSectionRecord.KeyFor(section.Id));
        var carried = ShownValues.Carry(submission.Data).ToList();
        var checkedValues = FormValidator.Validate(form, submission.Inputs);
        if (checkedValues.Errors.Count > 0)
        {
            context.Show(PlanCards.Section(context, section, record, submission.Inputs, checkedValues.Errors, carried), ReplyMode.ReplaceSource);
            return;
        }

        var text = Pick(form.Field(PlanVerbs.TextInput)!, record?.Text, checkedValues.Values[PlanVerbs.TextInput], submission.Data);
        var statusValue = Pick(form.Field(PlanVerbs.StatusInput)!, record?.Status.Value(), checkedValues.Values[PlanVerbs.StatusInput], submission.Data);
        var status = PlanSectionStatusNames.Parse(statusValue) ?? PlanSectionStatus.Draft;
        var before = record?.Status ?? PlanSectionStatus.Draft;
        var textChanged = record is null || !string.Equals(record.Text, text, StringComparison.Ordinal);
        var statusChanged = status != before;
        var who = context.Turn.From.Id;
        if (before == PlanSectionStatus.Agreed && (textChanged || statusChanged) && !RoleRules.MayEditPlanSection(context.State, who, agreed: true))
        {
            // Beside the field, so a Slack modal keeps it open and shows it there too.
            var refusal = new Dictionary<string, string>(StringComparer.Ordinal) { [PlanVerbs.TextInput] = $"This section is agreed, so only {RoleRules.OfficerWords} can change it. Ask one of them to set it back to draft." };
            context.Show(PlanCards.Section(context, section, record, submission.Inputs, refusal, carried), ReplyMode.ReplaceSource);
            return;
        }

        if (statusChanged && !RoleRules.MayAgreePlanSection(context.State, who))
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal) { [PlanVerbs.StatusInput] = $"Only {RoleRules.OfficerWords} can mark a section agreed. Leave it as a draft, or ask one of them." };
            context.Show(PlanCards.Section(context, section, record, submission.Inputs, errors, carried), ReplyMode.ReplaceSource);
            return;
        }

        if (!textChanged && !statusChanged)
        {
            context.Show(OpenSection(context, section, "Nothing had changed, so there was nothing to save. Type \"plan\" to see every section."), ReplyMode.ReplaceSource);
            return;
        }

        context.State.Put(new PlanSectionRecord(section.Id, text, status, context.Turn.From, context.Now));
        var saved = status == PlanSectionStatus.Agreed && statusChanged
            ? $"Agreed by {context.Turn.From.Name}. Type \"plan\" to see every section, or \"plan document\" for the Word file."
            : $"Saved by {context.Turn.From.Name}. Type \"plan\" to see every section, or \"plan document\" for the Word file.";
        context.Show(OpenSection(context, section, saved), ReplyMode.ReplaceSource);
    }

    private static string Pick(FieldDefinition field, string? stored, string submitted, IReadOnlyDictionary<string, string> data) =>
        stored is not null && ShownValues.Unchanged(field, submitted, data) ? stored : submitted;

    private void Document(TurnContext context, PlanRecord plan)
    {
        var model = PlanDocumentModel.From(context.State, context.Now);
        if (model is null)
        {
            context.Say("There's no plan to put in a document yet. Type \"draft the plan\" (or press \"Draft the plan\" on the step 6 card) and I'll draft each section from what you've recorded. Then type \"plan document\" again.");
            return;
        }

        if (links.Document(context.State.GroupId, context.Now) is not { } link)
        {
            context.Say(NoLinks);
            return;
        }

        var what = string.Create(CultureInfo.InvariantCulture, $"The {plan.PlanType.Title()} for {plan.CommunityName}: {model.Sections.Count} sections and {(model.Actions.Count == 1 ? "1 action" : $"{model.Actions.Count} actions")}. {(model.IsDraft ? "It is marked \"Draft\" until step 7 is complete." : "Step 7 is complete, so it is the final plan.")}");
        context.Show(PlanCards.Download(context, "The plan as a Word document", what, "Download (Word)", link, "plan document"));
    }

    private void Export(TurnContext context, PlanRecord plan)
    {
        var count = context.State.WithPrefix<ActionItem>(ActionItem.Prefix).Count();
        if (count == 0)
        {
            context.Say("There are no actions to export yet. Add them in step 5's Action plan form, or type \"action @Sam …\", then type \"export actions\" again.");
            return;
        }

        if (links.ActionsCsv(context.State.GroupId, context.Now) is not { } link)
        {
            context.Say(NoLinks);
            return;
        }

        var what = string.Create(CultureInfo.InvariantCulture, $"{(count == 1 ? "1 action" : $"{count} actions")} of {plan.CommunityName}'s plan as a spreadsheet (CSV): what, who leads it, partners, when, cost, funding, priority and status. Excel, Numbers and LibreOffice open it.");
        context.Show(PlanCards.Download(context, "The action plan as a spreadsheet", what, "Download (CSV)", link, "export actions"));
    }

    private const string NoLinks = "I can't make download links on this bot yet. Ask whoever runs it to set up links (docs/DEPLOY.md). Type \"plan\" to see the plan here.";

    private static string Sections(int n) => n == 1 ? "1 section" : string.Create(CultureInfo.InvariantCulture, $"{n} sections");

    [GeneratedRegex(
        @"^(?:(?<draft>draft (?:the |our )?plan)|(?<document>plan document|(?:the )?plan as (?:a )?word(?: document| file)?|word document)|(?<export>export (?:the |our )?actions|actions (?:as )?(?:csv|spreadsheet))|(?<sections>plan sections)|plan section\s+(?<name>.+)|(?:show |open )?(?:the |our )?plan)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
