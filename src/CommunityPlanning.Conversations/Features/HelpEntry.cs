namespace CommunityPlanning.Conversations.Features;

/// <summary>The topics the help card groups commands under, in the order shown.</summary>
public enum HelpTopic
{
    /// <summary>Steps, checklists, forms and progress.</summary>
    Steps,

    /// <summary>Actions: who does what by when.</summary>
    Actions,

    /// <summary>Meetings, agendas and minutes.</summary>
    Meetings,

    /// <summary>The group, its roles and the plan's settings.</summary>
    Group,
}

/// <summary>One line of the help card, registered by the feature that owns the command.</summary>
/// <param name="Order">Where it appears: lower first. The first of each topic is in the short help.</param>
/// <param name="Command">What to type.</param>
/// <param name="Description">What it does, in plain words.</param>
/// <param name="Topic">The topic it is listed under.</param>
public sealed record HelpEntry(int Order, string Command, string Description, HelpTopic Topic = HelpTopic.Steps);
