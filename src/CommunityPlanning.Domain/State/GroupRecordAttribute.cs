namespace CommunityPlanning.Domain.State;

/// <summary>
/// Names the kind of a record type: the first segment of its keys. Storage finds record types by this
/// attribute once at start-up.
/// </summary>
/// <param name="kind">The key prefix, e.g. <c>plan</c>, <c>step</c>, <c>check</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GroupRecordAttribute(string kind) : Attribute
{
    /// <summary>The key prefix of records of this type.</summary>
    public string Kind { get; } = kind;
}
