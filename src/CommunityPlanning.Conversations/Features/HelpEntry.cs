namespace CommunityPlanning.Conversations.Features;

/// <summary>One line of the help card, registered by the feature that owns the command.</summary>
/// <param name="Order">Where it appears: lower first.</param>
/// <param name="Command">What to type.</param>
/// <param name="Description">What it does, in plain words.</param>
public sealed record HelpEntry(int Order, string Command, string Description);
