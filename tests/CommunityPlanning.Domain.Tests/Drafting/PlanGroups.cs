using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Tests.Drafting;

/// <summary>Groups with what a steering group records on the way to step 6.</summary>
internal static class PlanGroups
{
    public static readonly DateTimeOffset At = new(2025, 3, 14, 10, 0, 0, TimeSpan.Zero);
    public static readonly MemberRef Pat = new("u-pat", "Pat");
    public static readonly MemberRef Sam = new("u-sam", "Sam");

    public static GroupState Empty() => new("g-1");

    public static GroupState Started()
    {
        var state = Empty();
        state.Load(new PlanRecord("Little Wittering", PlanType.CommunityLedPlan, 6, Pat, At), "v");
        state.Load(new MemberRecord(Pat, MemberRole.Chair, At), "v");
        state.Load(new MemberRecord(Sam, MemberRole.Member, At), "v");
        return state;
    }

    public static GroupState Recorded()
    {
        var state = Started();
        Row(state, 3, "profile", "p1", ("indicator", "People aged over 65"), ("value", "31%"), ("source", "Census"), ("year", "2021"));
        Row(state, 3, "profile", "p2", ("indicator", "Homes"), ("value", "412"));
        Row(state, 3, "stakeholders", "s1", ("organisation", "Rother District Council"), ("type", "district-council"));
        Row(state, 4, "events", "e1", ("name", "Village fun day"), ("method", "open-event"), ("date", "2025-03-01"), ("attendance", "120"));
        Row(state, 4, "events", "e2", ("name", "Youth club chat"), ("method", "focus-group"), ("date", "2025-04-10"), ("attendance", "14"));
        Row(state, 4, "surveys", "v1", ("name", "Household questionnaire"), ("audience", "household"), ("opens", "2025-03-03"), ("closes", "2025-03-31"), ("distributed", "400"), ("returned", "180"));
        Row(state, 4, "surveys", "v2", ("name", "Business survey"), ("audience", "business"), ("distributed", "20"), ("returned", "9"));
        Row(state, 4, "issues", "i1", ("issue", "Speeding on the main road"), ("theme", "transport"), ("support", "82"), ("mentions", "140"));
        Row(state, 4, "issues", "i2", ("issue", "Too few buses"), ("theme", "transport"), ("support", "64"));
        Row(state, 4, "issues", "i3", ("issue", "Affordable homes for young families"), ("theme", "housing"), ("support", "58"));
        Row(state, 5, "vision", FormRow.SingleRowId, ("vision", "A safe, friendly village where every generation can stay."));
        state.Load(new PriorityScore(4, "i1", Pat, 5, 5, 4, At), "v");
        state.Load(new PriorityScore(4, "i2", Pat, 3, 2, 2, At), "v");
        state.Load(new PriorityScore(4, "i3", Pat, 4, 3, 3, At), "v");
        state.Load(new PriorityScore(4, "i1", Sam, 4, 4, 4, At), "v");
        state.Load(ActionItem.Create(1, "Ask for a 20 mph limit", 5, Pat, At) with
        {
            Owner = Sam,
            Due = new DateOnly(2025, 9, 30),
            Plan = new ActionPlanFields { Theme = "transport", Issue = "Speeding", LeadType = "partnership", Partners = "County highways", Cost = 1250m, Funding = "Parish precept", Priority = "high", Timescale = "short" },
        }, "v");
        state.Load(ActionItem.Create(2, "Start a community bus", 5, Pat, At) with
        {
            Plan = new ActionPlanFields { Lead = "Rural transport charity", LeadType = "community", Timescale = "medium", Priority = "medium" },
        }, "v");
        state.Load(ActionItem.Create(3, "book the hall", 2, Sam, At), "v");
        return state;
    }

    public static void Row(GroupState state, int step, string form, string row, params (string Key, string Value)[] values) =>
        state.Load(new FormRow(step, form, row, values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal), Pat, At), "v");
}
