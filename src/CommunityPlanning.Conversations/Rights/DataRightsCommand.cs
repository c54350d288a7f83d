using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Journey;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Rights;

/// <summary>
/// The data-rights commands (UK GDPR): <c>my data</c> (anyone, answered privately with a signed link),
/// <c>forget me</c> (anyone, after a private confirmation card), <c>delete our plan</c> (the chair, confirmed by
/// typing the community's name) and <c>export our plan</c> (officers, a signed link to a zip). The work that
/// reaches beyond this group is stored as a job through <see cref="IDataRights"/>.
/// </summary>
public sealed partial class DataRightsCommand(IDataRights rights, IRightsLinks links) : ICommand, ICardActionHandler
{
    /// <summary>The confirmation card's "Forget me" button.</summary>
    public const string ForgetVerb = "rights.forget";

    /// <summary>The confirmation card's "Keep me" button.</summary>
    public const string KeepVerb = "rights.keep";

    /// <summary>The "Get my data" button: the link comes back privately to whoever pressed it.</summary>
    public const string MyDataVerb = "rights.mydata";

    /// <summary>The "Get the export" button (officers): the link comes back privately.</summary>
    public const string ExportVerb = "rights.export";

    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public bool Handles(string verb) => verb is ForgetVerb or KeepVerb or MyDataVerb or ExportVerb;

    /// <summary>The person a turn comes from, as the rights services know them.</summary>
    public static PersonIdentity PersonOf(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new PersonIdentity(turn.Conversation.Channel, turn.Conversation.Tenant, turn.From.Id, turn.From.Name) { DirectoryId = turn.FromDirectoryId };
    }

    /// <inheritdoc />
    public async ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(match);
        // Links come back from a button: a press is answered privately on every channel (a Teams invoke answer, a
        // Slack ephemeral message), where a typed command in a Teams channel is answered for everyone to see.
        if (match.Groups["mine"].Success)
        {
            context.Show(LinkCard(context, "Your data", "I'll give you a private link to a file with everything I hold about you, from every group.", "Get my data", MyDataVerb), ReplyMode.Private);
        }
        else if (match.Groups["forget"].Success)
        {
            context.Show(ForgetCard(context), ReplyMode.Private);
        }
        else if (match.Groups["export"].Success && MayExport(context))
        {
            context.Show(LinkCard(context, "Export the plan", "I'll give you a private link to a zip of the plan: its records as JSON and the minutes as documents.", "Get the export", ExportVerb), ReplyMode.Private);
        }
        else if (match.Groups["export"].Success)
        {
            return;
        }
        else
        {
            await DeleteAsync(context, match.Groups["name"].Success ? match.Groups["name"].Value : null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask RunAsync(TurnContext context, Submission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(submission);
        if (submission.Verb == MyDataVerb)
        {
            await MyDataAsync(context, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (submission.Verb == ExportVerb)
        {
            Export(context);
            return;
        }

        if (submission.Verb == KeepVerb)
        {
            context.Add(new Reply { Text = "Fine: I've forgotten nothing. Type \"my data\" to see what I hold about you.", Mode = ReplyMode.ReplaceSource });
            return;
        }

        // The person forgotten is whoever pressed the button: the card carries no one's id.
        await rights.RequestForgetAsync(PersonOf(context.Turn), context.State.GroupId, RequestId(context, "forget"), context.Now, cancellationToken).ConfigureAwait(false);
        context.Add(new Reply
        {
            Text = "Done. I'm erasing you from every group now: your name and ids, your reminders and your place on the roster. "
                + "What the groups recorded stays, marked \"a former member\"; actions you owned are left without an owner. "
                + "If you talk to me again, I'll know you as a new member.",
            Mode = ReplyMode.ReplaceSource,
        });
    }

    private async Task MyDataAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var person = PersonOf(context.Turn);
        await rights.NoteMemberAsync(person, context.State.GroupId, cancellationToken).ConfigureAwait(false);
        var link = links.MyData(person.Key, context.Now);
        var member = context.State.Find<MemberRecord>(MemberRecord.KeyFor(person.UserId));
        var owned = context.State.OfType<ActionItem>().Count(a => a.IsOpen && a.Owner?.Id == person.UserId);
        var here = member is null
            ? "In this group I hold nothing about you yet."
            : string.Create(CultureInfo.InvariantCulture, $"In this group I hold your name ({member.Member.Name}), your role ({member.Role.Title()}), {owned} open action{(owned == 1 ? string.Empty : "s")} you own, and what you ticked, decided or wrote.");
        var text = link is null
            ? $"{here} I can't make a download link here, so ask your administrator for a full copy. Type \"forget me\" if you want me to erase you."
            : $"{here} Your full copy, from every group, is here as a JSON file (the link works for 24 hours): {link} Type \"forget me\" if you want me to erase you.";
        context.Add(new Reply { Text = text, Mode = ReplyMode.Private });
    }

    private void Export(TurnContext context)
    {
        if (!MayExport(context))
        {
            return;
        }

        var link = links.Export(context.State.GroupId, context.Now);
        context.Add(new Reply
        {
            Text = link is null
                ? "I can't make a download link here. Ask your administrator for a copy of the plan."
                : $"Here is {context.Plan!.CommunityName}'s plan as a zip: the records as JSON and the minutes as documents. The link works for 24 hours; keep the file safe, it holds people's names: {link}",
            Mode = ReplyMode.Private,
        });
    }

    private static bool MayExport(TurnContext context)
    {
        var mode = context.Turn.Submission is null ? ReplyMode.New : ReplyMode.Private;
        if (context.Plan is null)
        {
            context.Add(new Reply { Text = Messages.NoPlanYet, Mode = mode });
            return false;
        }

        if (!RoleRules.MayExportPlan(context.State, context.Turn.From.Id))
        {
            context.Add(new Reply { Text = $"Only {RoleRules.OfficerWords} can export the plan. Ask {RolesFeature.Holders(context, RoleRules.IsOfficerRole)}.", Mode = mode });
            return false;
        }

        return true;
    }

    private static Card LinkCard(TurnContext context, string title, string text, string button, string verb) => new()
    {
        Title = title,
        Blocks = [new TextBlock(text), new TextBlock("Only you will see the link. It works for 24 hours.", TextTone.Subtle)],
        Actions = [new CardAction(button, verb, context.Data()) { Style = ActionStyle.Positive }],
    };

    private async Task DeleteAsync(TurnContext context, string? typedName, CancellationToken cancellationToken)
    {
        if (context.Plan is not { } plan)
        {
            context.Say(Messages.NoPlanYet);
            return;
        }

        if (!RoleRules.MayDeletePlan(context.State, context.Turn.From.Id))
        {
            context.Say($"Only the chair can delete the plan. Ask {RolesFeature.Holders(context, r => r == MemberRole.Chair)}.");
            return;
        }

        if (typedName is null)
        {
            context.Say($"This deletes {plan.CommunityName}'s plan for good: steps, forms, actions, meetings and minutes, for everyone. "
                + $"Type \"export our plan\" first if you want a copy. To go ahead, type: delete our plan {plan.CommunityName}");
            return;
        }

        if (!string.Equals(typedName.Trim().Trim('"', '“', '”'), plan.CommunityName, StringComparison.OrdinalIgnoreCase))
        {
            context.Say($"That isn't the plan's name, so I've deleted nothing. To delete it, type: delete our plan {plan.CommunityName}");
            return;
        }

        var reference = context.State.Find<ConversationReferenceRecord>(ConversationReferenceRecord.Kind);
        await rights.RequestDeleteGroupAsync(context.State.GroupId, plan.CommunityName, reference, RequestId(context, "delete"), context.Now, cancellationToken).ConfigureAwait(false);
        context.Say($"Deleting {plan.CommunityName}'s plan now. I'll say once more when it's gone. After that, type \"start\" to begin a new plan.");
    }

    private static Card ForgetCard(TurnContext context) => new()
    {
        Title = "Forget you everywhere?",
        Blocks =
        [
            new TextBlock("I'll erase your name and ids from every group I know you in, with your reminders and your place on the roster."),
            new TextBlock("What the groups recorded stays (ticks, decisions, minutes), marked \"a former member\". Actions you own will have no owner, and the group is told."),
            new TextBlock("This can't be undone. Type \"my data\" first if you want a copy.", TextTone.Subtle),
        ],
        Actions =
        [
            new CardAction("Forget me", ForgetVerb, context.Data()) { Style = ActionStyle.Destructive },
            new CardAction("Keep me", KeepVerb, context.Data()),
        ],
    };

    // One id per request, the same on every re-run of the turn, so a job is stored once.
    private static string RequestId(TurnContext context, string kind)
    {
        var material = $"{kind}|{context.State.GroupId}|{context.Turn.From.Id}|{context.Turn.TurnId ?? context.Turn.Timestamp.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
        return kind + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)).AsSpan(0, 12));
    }

    [GeneratedRegex(
        @"^(?:(?<mine>my data|what do you (?:hold|know|keep) about me)|(?<forget>forget me|erase me|delete my data)|(?<export>export (?:our|the) plan)|delete (?:our|the) plan(?: (?<name>.+))?)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
