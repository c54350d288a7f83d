using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Conversations.Dormancy;

/// <summary>
/// The one rule for dormant groups: a group whose bot was removed keeps its data and a <see cref="DormantRecord"/>;
/// proactive senders (reminders, digests, automatic meeting close, proactive outbox rows) skip it; installing the
/// bot again, or anyone using it there, removes the record.
/// </summary>
public static class Dormancy
{
    /// <summary>True when the group is dormant.</summary>
    public static bool IsDormant(GroupState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Find<DormantRecord>(DormantRecord.Kind) is not null;
    }

    /// <summary>Makes the group dormant from <paramref name="now"/>; false when it already was (the first time stays).</summary>
    public static bool Sleep(GroupState state, DateTimeOffset now, string reason)
    {
        if (IsDormant(state))
        {
            return false;
        }

        state.Put(new DormantRecord(now, reason));
        return true;
    }

    /// <summary>Wakes the group; false when it was not dormant.</summary>
    public static bool Wake(GroupState state)
    {
        if (!IsDormant(state))
        {
            return false;
        }

        state.Remove(DormantRecord.Kind);
        return true;
    }
}
