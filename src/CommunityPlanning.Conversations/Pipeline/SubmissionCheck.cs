using CommunityPlanning.Conversations.Actions;
using CommunityPlanning.Conversations.Meetings;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Pipeline;

/// <summary>
/// Checks every card submission, whatever its verb or channel, before a handler sees it. A client can
/// rewrite a card's data and inputs, so: data values are ids, and ids are short; typed inputs are no
/// longer than the longest form field takes (each form then applies its own field's limit); and every
/// person id a card can carry must be an active member on the group's roster.
/// </summary>
public static class SubmissionCheck
{
    /// <summary>The longest data value accepted: cards carry only ids, numbers and dates.</summary>
    public const int MaxDataValueLength = 200;

    /// <summary>The longest data or input key accepted.</summary>
    public const int MaxKeyLength = 100;

    /// <summary>The most data entries plus inputs accepted.</summary>
    public const int MaxEntries = 200;

    /// <summary>A submission too long or too odd to be one of our cards.</summary>
    public const string Malformed = "That card's details don't look right, so I haven't changed anything. Type \"help\" for fresh cards.";

    /// <summary>A submission naming someone who is not a member.</summary>
    public const string NotAMember = "That person isn't on my list of this group's members, so I haven't changed anything. Pick someone from the list, or @mention them in a message.";

    /// <summary>The keys, in data or inputs, whose values are people's ids.</summary>
    public static IReadOnlySet<string> PersonKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ActionVerbs.OwnerKey,
        MeetingVerbs.MemberInput,

        // Person keys of cards made before pending records; refused unless they name a member.
        "oid",
        "cid",
    };

    /// <summary>The longest typed input accepted: the longest any form field takes.</summary>
    public static int MaxInputLength { get; } = StepCatalogue.All
        .SelectMany(s => s.Forms.Concat(s.StatutoryForms))
        .Append(StartPlanForm.Definition)
        .SelectMany(f => f.Fields)
        .Select(f => f.EffectiveMaxLength)
        .Append(FieldDefinition.DefaultMultilineLimit)
        .Append(Plans.PlanSectionForm.LongestInput)
        .Max();

    /// <summary>Why the submission is refused, or null when it may go to its handler.</summary>
    public static string? Refusal(Submission submission, GroupState state)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(state);
        if (submission.Data.Count + submission.Inputs.Count > MaxEntries
            || submission.Data.Any(p => p.Key.Length > MaxKeyLength || p.Value.Length > MaxDataValueLength)
            || submission.Inputs.Any(p => p.Key.Length > MaxKeyLength || p.Value.Length > MaxInputLength))
        {
            return Malformed;
        }

        var people = submission.Data.Concat(submission.Inputs)
            .Where(p => PersonKeys.Contains(p.Key) && p.Value.Length > 0 && p.Value != ActionVerbs.NobodyValue)
            .Select(p => p.Value);
        return people.All(id => state.Find<MemberRecord>(MemberRecord.KeyFor(id)) is { Active: true }) ? null : NotAMember;
    }
}
