using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Domain.Tests.Steps;

public sealed class NeighbourhoodPlanStagesTests
{
    [Fact]
    public void Examination_MilestonesInOrder_AreAccepted()
    {
        var result = Validate(7, "np-examination",
            ("submitted", "2027-01-11"), ("reg16Start", "2027-02-01"), ("reg16End", "2027-03-22"), ("examinerReport", "2027-06-01"),
            ("decisionStatement", "2027-07-01"), ("referendumDate", "2027-09-16"), ("made", "2027-10-14"));

        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("reg16Start", "2027-01-04", "The Regulation 16 start can't be before The submission")]
    [InlineData("decisionStatement", "2027-05-01", "The decision statement can't be before The examiner's report")]
    [InlineData("made", "2027-09-01", "The plan being made can't be before The referendum")]
    public void Examination_MilestoneOutOfOrder_IsRefusedBesideTheLaterDate(string field, string date, string message)
    {
        var values = new Dictionary<string, string>
        {
            ["submitted"] = "2027-01-11", ["reg16Start"] = "2027-02-01", ["reg16End"] = "2027-03-22", ["examinerReport"] = "2027-06-01",
            ["decisionStatement"] = "2027-07-01", ["referendumDate"] = "2027-09-16", ["made"] = "2027-10-14",
        };
        values[field] = date;

        var result = StepForms.Validate(StepCatalogue.Get(7), StepCatalogue.Get(7).Form("np-examination")!, values);

        Assert.Equal(message, result.Errors[field].Split(". ")[0], ignoreCase: true);
    }

    [Fact]
    public void Regulation16_SixCalendarWeeks_IsEnoughEvenOverEaster()
    {
        // 42 calendar days, across Good Friday and Easter Monday 2027: the period is in weeks, not working days.
        var result = Validate(7, "np-examination", ("reg16Start", "2027-03-15"), ("reg16End", "2027-04-26"));

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void AreaDesignation_BeforeTheApplication_IsRefused()
    {
        var result = Validate(1, "np-area", ("leadBody", "council"), ("areaApplied", "2026-05-01"), ("areaDesignated", "2026-04-01"));

        Assert.Contains("can't be before", result.Errors["areaDesignated"], StringComparison.Ordinal);
    }

    [Fact]
    public void ReferendumTimetable_PollAfterChristmas2027_CountsBackInWorkingDays()
    {
        var computed = Computed(("referendumDate", "2028-01-13"));

        Assert.Equal("Tue 30 Nov 2027 (28 working days before the vote)", computed["Publish the information statement by"]);
        Assert.Equal("Fri 3 Dec 2027 (25 working days before the vote)", computed["Publish the notice of referendum by"]);
    }

    [Fact]
    public void ReferendumTimetable_PollAfterEaster2027_SkipsGoodFridayAndEasterMonday() =>
        Assert.Equal("Wed 24 Mar 2027 (28 working days before the vote)", Computed(("referendumDate", "2027-05-06"))["Publish the information statement by"]);

    [Fact]
    public void ReferendumTimetable_PollPastTheBankHolidayList_SaysItCannotBeWorkedOut() =>
        Assert.StartsWith("Can't be worked out yet", Computed(("referendumDate", "2029-03-01"))["Publish the notice of referendum by"], StringComparison.Ordinal);

    [Fact]
    public void Policies_AreNeighbourhoodPlanOnly_AtStep5() =>
        Assert.True(StepCatalogue.Get(5).IsStatutory("np-policies"));

    private static FormValidation Validate(int step, string formId, params (string Id, string Value)[] values) =>
        StepForms.Validate(StepCatalogue.Get(step), StepCatalogue.Get(step).Form(formId)!, values.ToDictionary(v => v.Id, v => v.Value));

    private static Dictionary<string, string> Computed(params (string Id, string Value)[] values) =>
        StepForms.Computed(StepCatalogue.Get(7), "np-examination", new GroupState("g1"), ComputedScope.Row, values.ToDictionary(v => v.Id, v => v.Value))
            .ToDictionary(c => c.Label, c => c.Value);
}
