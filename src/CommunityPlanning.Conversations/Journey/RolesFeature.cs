using System.Text;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Journey;

/// <summary>
/// Roles in the steering group: <c>role @Sam secretary</c> (officers set roles; anyone may while the group
/// has no officer, see <see cref="RoleRules"/>), <c>I am the treasurer</c>, and <c>members</c> to list everyone.
/// </summary>
public sealed partial class RolesFeature : ICommand
{
    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(match);
        if (context.Plan is null)
        {
            context.Say(Messages.NoPlanYet);
            return ValueTask.CompletedTask;
        }

        if (match.Groups["list"].Success)
        {
            context.Show(MembersCard(context));
            return ValueTask.CompletedTask;
        }

        var (whoText, role) = match.Groups["me"].Success
            ? ("me", RoleNames.TryParse(match.Groups["role"].Value, out var mine) ? mine : MemberRole.Member)
            : SplitRole(match.Groups["rest"].Value);
        if (role is not { } newRole)
        {
            context.Say($"Tell me who and which role, like: role @Sam secretary. Roles are: {RoleNames.Choices}.");
            return ValueTask.CompletedTask;
        }

        var who = Whom(context, whoText);
        if (who is null)
        {
            context.Say("I couldn't tell who you mean. Mention them with @, like: role @Sam secretary.");
            return ValueTask.CompletedTask;
        }

        SetRole(context, who, newRole);
        return ValueTask.CompletedTask;
    }

    // "Sam Jones vice chair" → ("Sam Jones", ViceChair): the role is the last one to three words.
    private static (string Who, MemberRole? Role) SplitRole(string rest)
    {
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var take = Math.Min(3, words.Length - 1); take >= 1; take--)
        {
            var who = words[..^take].ToList();
            if (who.Count > 1 && who[^1] is "as" or "to" or "is")
            {
                who.RemoveAt(who.Count - 1);
            }

            if (RoleNames.TryParse(string.Join(' ', words[^take..]), out var role))
            {
                return (string.Join(' ', who), role);
            }
        }

        return (rest, null);
    }

    /// <summary>The group's active members, officers first.</summary>
    public static IReadOnlyList<MemberRecord> Members(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.State.OfType<MemberRecord>()
            .Where(m => m.Active)
            .OrderBy(m => m.Role == MemberRole.Member ? 1 : 0)
            .ThenBy(m => m.Role)
            .ThenBy(m => m.Member.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Names of active members who hold any of the roles, for "ask …".</summary>
    public static string Holders(TurnContext context, Func<MemberRole, bool> roles)
    {
        var names = Members(context).Where(m => roles(m.Role)).Select(m => $"{m.Member.Name} ({m.Role.Title()})").ToList();
        return names.Count == 0 ? "nobody yet: the group has no officers. Set a chair with \"role @name chair\"" : string.Join(" or ", names);
    }

    private static void SetRole(TurnContext context, MemberRef who, MemberRole role)
    {
        if (!RoleRules.MaySetRoles(context.State, context.Turn.From.Id))
        {
            context.Say($"Only {RoleRules.OfficerWords} can set roles. Ask {Holders(context, RoleRules.IsOfficerRole)}.");
            return;
        }

        var key = MemberRecord.KeyFor(who.Id);
        var member = context.State.Find<MemberRecord>(key) ?? new MemberRecord(who, MemberRole.Member, context.Now);
        var note = new StringBuilder();
        if (role == MemberRole.Chair)
        {
            // One chair: whoever held it is demoted, including a chair who has left the conversation.
            foreach (var chair in context.State.OfType<MemberRecord>().Where(m => m.Role == MemberRole.Chair && !string.Equals(m.Member.Id, who.Id, StringComparison.Ordinal)).ToList())
            {
                context.State.Put(chair with { Role = MemberRole.Member });
                if (chair.Active)
                {
                    note.Append(' ').Append(chair.Member.Name).Append(" is no longer chair.");
                }
            }
        }

        context.State.Put(member with { Role = role, Active = true });
        context.Say($"{who.Name} is now {(role == MemberRole.Member ? "a member with no office" : role.Title())}.{note}");
    }

    private static MemberRef? Whom(TurnContext context, string text)
    {
        if (context.Turn.Mentions.Count > 0)
        {
            return context.Turn.Mentions[0];
        }

        var name = text.Trim().TrimStart('@');
        if (name.Equals("me", StringComparison.OrdinalIgnoreCase) || name.Equals("myself", StringComparison.OrdinalIgnoreCase))
        {
            return context.Turn.From;
        }

        var matches = context.State.OfType<MemberRecord>().Where(m => string.Equals(m.Member.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1 ? matches[0].Member : null;
    }

    private static Card MembersCard(TurnContext context)
    {
        var members = Members(context);
        return new Card
        {
            Title = "Steering group members",
            Subtitle = members.Count == 1 ? "1 person" : $"{members.Count} people",
            Blocks =
            [
                new FactsBlock(members.Select(m => new Fact(m.Member.Name, m.Role.Title())).ToList()),
                new TextBlock("Officers (chair, vice-chair, secretary, treasurer) set roles, for example: role @Sam secretary. They also end meetings and mark steps complete.", TextTone.Subtle),
            ],
        };
    }

    [GeneratedRegex(
        @"^((?<list>members|who'?s who|roles|list members)|(set )?role (of |for )?(?<rest>.+)|(?<me>i am|i'm|im) (now )?(the |a |our )?(?<role>chair|vice[- ]?chair|secretary|treasurer|publicity officer|fundraising officer|volunteer coordinator|project manager))$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
