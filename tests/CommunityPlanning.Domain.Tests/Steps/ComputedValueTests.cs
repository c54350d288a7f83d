using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Domain.Tests.Steps;

public sealed class ComputedValueTests
{
    private static readonly MemberRef Sam = new("u-sam", "Sam");
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(42, 100, 42)]
    [InlineData(1, 3, 33.3)]
    [InlineData(0, 10, 0)]
    [InlineData(10, 10, 100)]
    public void ResponseRate_ReturnedWithinDistributed_IsPercentage(int returned, int distributed, double expected) =>
        Assert.Equal((decimal)expected, Computations.ResponseRate(returned, distributed));

    [Theory]
    [InlineData(5, 0)]
    [InlineData(11, 10)]
    [InlineData(null, 10)]
    [InlineData(5, null)]
    public void ResponseRate_ZeroOrMoreReturned_IsNull(int? returned, int? distributed) =>
        Assert.Null(Computations.ResponseRate(returned, distributed));

    [Fact]
    public void SurveyForm_MoreReturnedThanDistributed_IsRefusedBesideReturned()
    {
        var step = StepCatalogue.Get(4);
        var form = step.Form("surveys")!;

        var result = StepForms.Validate(step, form, Values(("name", "Household"), ("audience", "household"), ("distributed", "100"), ("returned", "120")));

        Assert.False(result.IsValid);
        Assert.Contains("More came back", result.Errors["returned"]);
    }

    [Fact]
    public void SurveyRow_ResponseRate_IsShownNotTyped()
    {
        var step = StepCatalogue.Get(4);
        var state = new GroupState("g1");
        var row = Values(("name", "Household"), ("audience", "household"), ("distributed", "400"), ("returned", "252"));
        state.Put(new FormRow(4, "surveys", "r1", row, Sam, Now));

        var perRow = StepForms.Computed(step, "surveys", state, ComputedScope.Row, row);
        var overall = StepForms.Computed(step, "surveys", state, ComputedScope.Form);

        Assert.Equal(("Response rate", "63%"), Assert.Single(perRow));
        Assert.Equal(("Overall response rate", "63%"), Assert.Single(overall));
        Assert.Null(step.Form("surveys")!.Field("responseRate"));
    }

    [Fact]
    public void Regulation14_ShorterThanSixWeeks_IsRefused()
    {
        var step = StepCatalogue.Get(6);
        var form = step.Form("np-milestones")!;

        var result = StepForms.Validate(step, form, Values(("reg14Start", "2025-03-01"), ("reg14End", "2025-04-01")));

        Assert.Contains("at least 6 weeks", result.Errors["reg14End"]);
    }

    [Fact]
    public void Referendum_MoreThanHalfInFavour_Passes()
    {
        var step = StepCatalogue.Get(7);
        var state = new GroupState("g1");

        var passed = StepForms.Computed(step, "np-examination", state, ComputedScope.Row, Values(("yesPercent", "50.5")));
        var failed = StepForms.Computed(step, "np-examination", state, ComputedScope.Row, Values(("yesPercent", "50")));

        Assert.StartsWith("Passed", Assert.Single(passed).Value);
        Assert.StartsWith("Not passed", Assert.Single(failed).Value);
    }

    [Fact]
    public void Outstanding_CountsEveryAction_PlanAndChat()
    {
        var state = new GroupState("g1");
        state.Put(ActionItem.Create(1, "Bus shelter", 5, Sam, Now) with { Plan = new ActionPlanFields { Priority = "high" } });
        state.Put(ActionItem.Create(2, "Book the hall", 2, Sam, Now).WithStatus(ActionStatus.Completed, Sam, Now));
        state.Put(ActionItem.Create(3, "Ring the council", 8, Sam, Now).WithStatus(ActionStatus.Dropped, Sam, Now));
        state.Put(ActionItem.Create(4, "Speed signs", 2, Sam, Now));

        var step5 = StepForms.Computed(StepCatalogue.Get(5), "actions", state, ComputedScope.Form);
        var step8 = StepForms.Computed(StepCatalogue.Get(8), "updates", state, ComputedScope.Form);
        var step9 = StepForms.Computed(StepCatalogue.Get(9), "review", state, ComputedScope.Form);

        Assert.Contains(("Actions still to do", "2"), step5);
        Assert.Contains(("Actions still to do", "2"), step8);
        Assert.Contains(("Actions completed", "1"), step8);
        Assert.Contains(("Actions completed", "1"), step9);
        Assert.Contains(("Actions outstanding", "2"), step9);
    }

    [Fact]
    public void Rank_TotalOfAverages_TiesBrokenByImportance()
    {
        var issues = new List<PriorityIssue>
        {
            new(4, "bus", "Buses", null),
            new(4, "speed", "Speeding", null),
            new(5, "hall", "Village hall", null),
            new(4, "none", "Nobody scored this", null),
        };
        var jo = new MemberRef("u-jo", "Jo");
        var scores = new List<PriorityScore>
        {
            new(4, "bus", Sam, 3, 3, 3, Now),      // total 9, importance 3
            new(4, "speed", Sam, 5, 2, 2, Now),    // total 9, importance 5: wins the tie
            new(5, "hall", Sam, 5, 5, 4, Now),
            new(5, "hall", jo, 3, 3, 2, Now),      // averages 4, 4, 3 = 11
        };

        var ranked = PriorityRanking.Rank(issues, scores);

        Assert.Equal(["Village hall", "Speeding", "Buses", "Nobody scored this"], ranked.Select(r => r.Issue.Title));
        Assert.Equal([1, 2, 3, 4], ranked.Select(r => r.Rank));
        Assert.Equal(11m, ranked[0].Total);
        Assert.Equal(2, ranked[0].Scorers);
        Assert.Equal(0, ranked[3].Scorers);
    }

    [Fact]
    public void Rank_SameTotalAndImportance_ShareRank()
    {
        var issues = new List<PriorityIssue> { new(4, "a", "A", null), new(4, "b", "B", null), new(4, "c", "C", null) };
        var scores = new List<PriorityScore> { new(4, "a", Sam, 4, 3, 2, Now), new(4, "b", Sam, 4, 2, 3, Now), new(4, "c", Sam, 1, 1, 1, Now) };

        Assert.Equal([1, 1, 3], PriorityRanking.Rank(issues, scores).Select(r => r.Rank));
    }

    [Fact]
    public void NewRowId_IsKeySafeAndSortsByTime()
    {
        var first = FormRow.NewRowId(Now, "29:abc");
        var later = FormRow.NewRowId(Now.AddMilliseconds(5), "29:abc");

        Assert.True(FormRow.IsValidRowId(first));
        Assert.True(string.CompareOrdinal(first, later) < 0);
        Assert.NotEqual(first, FormRow.NewRowId(Now, "29:other-person-id"));
        Assert.False(FormRow.IsValidRowId("../x"));
        Assert.False(FormRow.IsValidRowId("a|b"));
    }

    [Theory]
    [InlineData("vice-chair", MemberRole.ViceChair)]
    [InlineData("the Chair", MemberRole.Chair)]
    [InlineData("Publicity Officer", MemberRole.PublicityOfficer)]
    [InlineData("treasurer", MemberRole.Treasurer)]
    public void RoleNames_TryParse_ReadsWhatPeopleType(string text, MemberRole expected)
    {
        Assert.True(RoleNames.TryParse(text, out var role));
        Assert.Equal(expected, role);
    }

    private static Dictionary<string, string> Values(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);
}
