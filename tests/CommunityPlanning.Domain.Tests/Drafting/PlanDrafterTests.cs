using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Drafting;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Surveys;
using static CommunityPlanning.Domain.Tests.Drafting.PlanGroups;

namespace CommunityPlanning.Domain.Tests.Drafting;

public sealed class PlanDrafterTests
{
    [Fact]
    public void Draft_Community_NamesThePlanAndListsTheProfile()
    {
        var text = PlanDrafter.Draft(PlanSections.Community, Recorded());
        Assert.StartsWith("This is the Community Led Plan (Parish Plan) for Little Wittering.", text, StringComparison.Ordinal);
        Assert.Contains("• People aged over 65: 31% (Census, 2021)", text, StringComparison.Ordinal);
        Assert.Contains("• Homes: 412", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_NothingRecorded_SaysWhichFormToFillIn()
    {
        var state = Started();
        Assert.Contains("Community profile form", PlanDrafter.Draft(PlanSections.Community, state), StringComparison.Ordinal);
        Assert.Contains("Surveys forms", PlanDrafter.Draft(PlanSections.Consultation, state), StringComparison.Ordinal);
        Assert.Contains("Issues raised form", PlanDrafter.Draft(PlanSections.Findings, state), StringComparison.Ordinal);
        Assert.Contains("There are none yet", PlanDrafter.Draft(PlanSections.Actions, state), StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_Consultation_MethodsDatesResponsesAndResponseRate()
    {
        var text = PlanDrafter.Draft(PlanSections.Consultation, Recorded());
        Assert.Contains("We asked people what they think in 4 ways, from Sat 1 Mar 2025 to Thu 10 Apr 2025.", text, StringComparison.Ordinal);
        Assert.Contains("• Village fun day (Open event, Sat 1 Mar 2025): 120 people came", text, StringComparison.Ordinal);
        Assert.Contains("• Youth club chat (Focus group, Thu 10 Apr 2025): 14 people came", text, StringComparison.Ordinal);
        Assert.Contains("• Household questionnaire for households: 180 of 400 came back (45%)", text, StringComparison.Ordinal);
        Assert.Contains("• Business survey for businesses: 9 of 20 came back (45%)", text, StringComparison.Ordinal);
        Assert.Contains("Overall, 189 of 420 surveys came back: a response rate of 45%.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_Findings_IssuesByThemeInTheFormsOrderWithSupport()
    {
        var text = PlanDrafter.Draft(PlanSections.Findings, Recorded());
        Assert.StartsWith("People raised 3 issues.", text, StringComparison.Ordinal);
        var housing = text.IndexOf("Housing and development:", StringComparison.Ordinal);
        var transport = text.IndexOf("Roads, traffic and transport:", StringComparison.Ordinal);
        Assert.True(housing > 0 && transport > housing, text);
        var speeding = text.IndexOf("• Speeding on the main road (82% supported it, 140 mentions)", StringComparison.Ordinal);
        var buses = text.IndexOf("• Too few buses (64% supported it)", StringComparison.Ordinal);
        Assert.True(speeding > transport && buses > speeding, text);
    }

    [Fact]
    public void Draft_Findings_ImportedSurveyTotalsFollowTheIssues()
    {
        var state = Recorded();
        state.Load(Survey(), "v");
        var text = PlanDrafter.Draft(PlanSections.Findings, state);
        var issues = text.IndexOf("• Too few buses", StringComparison.Ordinal);
        var survey = text.IndexOf("Our survey: 212 people answered.", StringComparison.Ordinal);
        Assert.True(issues > 0 && survey > issues, text);
        Assert.Contains("• Should the village have more homes?: Yes 60%, No 30%, Not sure 10% (of 200 answers)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Any other comments", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_Findings_OnlyASurvey_DraftsFromItsTotals()
    {
        var state = Started();
        state.Load(Survey(), "v");
        var text = PlanDrafter.Draft(PlanSections.Findings, state);
        Assert.StartsWith("Our survey: 212 people answered.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Issues raised form", text, StringComparison.Ordinal);
    }

    private static SurveyResults Survey() => new()
    {
        FileName = "results.csv",
        Format = "CSV",
        ImportedAt = At,
        Respondents = 212,
        Questions =
        [
            new QuestionTotals("Should the village have more homes?", AnswerKind.OneChoice, 200)
            {
                Counts = [new AnswerCount("Yes", 120, 60), new AnswerCount("No", 60, 30), new AnswerCount("Not sure", 20, 10)],
            },
            new QuestionTotals("Any other comments", AnswerKind.FreeText, 50) { Comments = ["More benches"] },
        ],
    };

    [Fact]
    public void Draft_Vision_VisionThenTheRankingInOrder()
    {
        var text = PlanDrafter.Draft(PlanSections.Vision, Recorded());
        Assert.StartsWith("A safe, friendly village where every generation can stay.", text, StringComparison.Ordinal);
        Assert.Contains("as 2 members of the steering group ranked them", text, StringComparison.Ordinal);
        var first = text.IndexOf("1. Speeding on the main road (13)", StringComparison.Ordinal);
        var second = text.IndexOf("2. Affordable homes for young families (10)", StringComparison.Ordinal);
        var third = text.IndexOf("3. Too few buses (7)", StringComparison.Ordinal);
        Assert.True(first > 0 && second > first && third > second, text);
    }

    [Fact]
    public void Draft_MonitoringAndThanks_UseStepsEightAndNineAndThePeople()
    {
        var state = Recorded();
        Row(state, 8, "community-updates", "c1", ("channel", "newsletter"), ("date", "2025-06-01"));
        Row(state, 9, "review", "main", ("reviewDate", "2025-06-01"), ("nextReview", "2029-06-01"));
        var monitoring = PlanDrafter.Draft(PlanSections.Monitoring, state);
        Assert.Contains("through newsletter or parish magazine.", monitoring, StringComparison.Ordinal);
        Assert.Contains("We will review the whole plan by Fri 1 Jun 2029", monitoring, StringComparison.Ordinal);
        var thanks = PlanDrafter.Draft(PlanSections.Thanks, state);
        Assert.Contains("the 134 people who came to our events and the 189 people who filled in a survey", thanks, StringComparison.Ordinal);
        Assert.Contains("our partners: Rother District Council", thanks, StringComparison.Ordinal);
        Assert.Contains("The steering group: Pat, Sam.", thanks, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_LongLists_FitTheLimitAndSayHowManyMore()
    {
        var state = Started();
        for (var i = 0; i < 60; i++)
        {
            Row(state, 4, "issues", $"i{i:00}", ("issue", $"Issue number {i} " + new string('x', 150)), ("theme", "transport"), ("support", "50"));
            Row(state, 3, "profile", $"p{i:00}", ("indicator", $"Fact {i} " + new string('y', 120)), ("value", "1"));
        }

        foreach (var section in PlanSections.All)
        {
            var text = PlanDrafter.Draft(section.Id, state);
            Assert.InRange(text.Length, 1, PlanSections.MaxTextLength);
        }

        Assert.Matches(@"…and \d+ more: see more issues", PlanDrafter.Draft(PlanSections.Findings, state));
        Assert.Matches(@"…and \d+ more: see more facts", PlanDrafter.Draft(PlanSections.Community, state));
    }

    [Fact]
    public void Draft_SameState_SameText()
    {
        var state = Recorded();
        Assert.All(PlanSections.All, s => Assert.Equal(PlanDrafter.Draft(s.Id, state), PlanDrafter.Draft(s.Id, state)));
    }

    [Theory]
    [InlineData("vision", PlanSections.Vision)]
    [InlineData("Our vision and priorities", PlanSections.Vision)]
    [InlineData("WHAT PEOPLE TOLD US", PlanSections.Findings)]
    [InlineData("1", PlanSections.Community)]
    [InlineData("7", PlanSections.Thanks)]
    [InlineData("action plan", PlanSections.Actions)]
    public void Find_TitleWordOrNumber_TheSection(string typed, string id) => Assert.Equal(id, PlanSections.Find(typed)?.Id);

    [Theory]
    [InlineData("")]
    [InlineData("8")]
    [InlineData("0")]
    [InlineData("budget")]
    public void Find_Unknown_Null(string typed) => Assert.Null(PlanSections.Find(typed));

    [Fact]
    public void PlanSectionRules_AnyoneEditsADraft_OfficersAgreeAndChangeAgreed()
    {
        var state = Started();
        Assert.True(RoleRules.MayEditPlanSection(state, Sam.Id, agreed: false));
        Assert.False(RoleRules.MayEditPlanSection(state, Sam.Id, agreed: true));
        Assert.True(RoleRules.MayEditPlanSection(state, Pat.Id, agreed: true));
        Assert.False(RoleRules.MayAgreePlanSection(state, Sam.Id));
        Assert.True(RoleRules.MayAgreePlanSection(state, Pat.Id));
    }

    [Fact]
    public void ActionPlanTable_EveryAction_WithPlanFieldsWhereSet()
    {
        var rows = ActionPlanTable.Rows(Recorded());
        Assert.Equal([1, 2, 3], rows.Select(r => r.Number));
        var first = rows[0];
        Assert.Equal(("Ask for a 20 mph limit", "Sam", "Partnership with the council or an agency", "County highways", "Tue 30 Sep 2025", "£1,250", "Parish precept", "High", "Not started"),
            (first.Action, first.Lead, first.LeadType, first.Partners, first.When, first.Cost, first.Funding, first.Priority, first.Status));
        Assert.Equal("Roads, traffic and transport", first.Theme);
        Assert.Equal(("Rural transport charity", "Medium (1 to 3 years)", "Community-led"), (rows[1].Lead, rows[1].When, rows[1].LeadType));
        Assert.Equal(("book the hall", string.Empty, string.Empty, string.Empty), (rows[2].Action, rows[2].Lead, rows[2].Cost, rows[2].Priority));
        Assert.Equal(ActionPlanTable.Headings.Count, ActionPlanTable.Cells(first).Count);
    }

    [Fact]
    public void ActionPlanTable_ActionFromAMessage_WhoWroteItAndTheLink()
    {
        var state = Recorded();
        var third = state.Find<ActionItem>(ActionItem.KeyFor(3))!;
        state.Load(third with { FromMessageBy = "Alex", FromMessageLink = new Uri("https://example.slack.com/archives/C1/p1700000000000100") }, "v");
        var rows = ActionPlanTable.Rows(state);
        Assert.Equal(("From a message by Alex", "https://example.slack.com/archives/C1/p1700000000000100"), (rows[2].FromMessage, rows[2].MessageLink?.AbsoluteUri));
        Assert.Equal(["From a message by Alex", "https://example.slack.com/archives/C1/p1700000000000100"], ActionPlanTable.Cells(rows[2]).TakeLast(2));
        Assert.Equal([string.Empty, string.Empty], ActionPlanTable.Cells(rows[0]).TakeLast(2));
    }

    [Fact]
    public void DocumentModel_NoPlanOrNothingDrafted_Null()
    {
        Assert.Null(PlanDocumentModel.From(Empty(), At));
        Assert.Null(PlanDocumentModel.From(Recorded(), At));
    }

    [Fact]
    public void DocumentModel_SomeSectionsStored_AllSectionsInOrderDraftUntilStepSeven()
    {
        var state = Recorded();
        state.Load(new PlanSectionRecord(PlanSections.Vision, "Our own words.", PlanSectionStatus.Agreed, Pat, At), "v");
        var model = PlanDocumentModel.From(state, new DateTimeOffset(2025, 6, 30, 23, 30, 0, TimeSpan.Zero))!;
        Assert.Equal(PlanSections.All.Select(s => s.Id), model.Sections.Select(s => s.Definition.Id));
        var vision = model.Sections.Single(s => s.Definition.Id == PlanSections.Vision);
        Assert.Equal(("Our own words.", PlanSectionStatus.Agreed), (vision.Text, vision.Status));
        Assert.Null(model.Sections[0].Status);
        Assert.Equal(PlanDrafter.Draft(PlanSections.Community, state), model.Sections[0].Text);
        Assert.True(model.IsDraft);
        Assert.Equal(new DateOnly(2025, 7, 1), model.Date); // half past midnight in London (BST)
        Assert.Equal(3, model.Actions.Count);

        state.Load(new StepRecord(7, true), "v");
        Assert.False(PlanDocumentModel.From(state, At)!.IsDraft);
    }
}
