using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;

namespace CommunityPlanning.Conversations.Actions;

/// <summary><c>digest off</c> / <c>digest on</c>: whether the group gets the Monday digest of open actions.</summary>
public sealed partial class DigestCommand : ICommand
{
    /// <inheritdoc />
    public Regex Pattern => Matcher();

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

        var on = string.Equals(match.Groups["on"].Value, "on", StringComparison.OrdinalIgnoreCase);
        if (plan.DigestEnabled != on)
        {
            context.State.Put(plan with { DigestEnabled = on });
        }

        context.Say(on
            ? "The weekly digest is on: every Monday at 9am I'll post the group's open actions here. Type \"digest off\" to stop it."
            : "The weekly digest is off. Owners still get their own reminders. Type \"digest on\" to bring it back.");
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"^(?:weekly\s+)?digest\s+(?<on>on|off)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
