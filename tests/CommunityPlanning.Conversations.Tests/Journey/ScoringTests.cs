using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Journey;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;

namespace CommunityPlanning.Conversations.Tests.Journey;

public sealed class ScoringTests
{
    [Fact]
    public async Task Scoring_MembersScoreThenChairCloses_ShowsRanking()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        var buses = await AddIssue(chat, "Buses too infrequent", "transport");
        var hall = await AddIssue(chat, "Village hall needs a new roof", "facilities");

        var intro = (await chat.Send(Bob, "score")).AssertReply("2 issues; 0 of 2 members").Card;
        (await chat.Press(Bob, "Score the issues")).AssertReply("Your scores, Bob").AssertMode(ReplyMode.Private);
        (await chat.Press(Bob, "Save my scores", Scores((buses, "3", "3", "3"), (hall, "5", "4", "4"))))
            .AssertReply("Saved your scores for 2 issues");

        await chat.Send(Ann, "score");
        await chat.Press(Ann, "Score the issues");
        (await chat.Press(Ann, "Save my scores", Scores((buses, "5", "5", "5")))).AssertReply("Saved your scores for 1 issue");

        (await chat.Send(Cat, "scores")).AssertReply("1 of 3 members have scored them all, 1 part-way");
        (await chat.Send(Bob, "close scoring")).AssertReply("Only the chair can close scoring");
        var ranking = await chat.Send(Ann, "close scoring");

        ranking.AssertReply("1. Village hall needs a new roof: Total 13").AssertReply("2. Buses too infrequent: Total 12 (importance 4, urgency 4, feasibility 4) · 2 scores");
        var facts = ranking.Card.Blocks.OfType<Conversations.Cards.FactsBlock>().First().Facts;
        Assert.Equal(["1. Village hall needs a new roof", "2. Buses too infrequent"], facts.Select(f => f.Label));
        (await chat.Press(Bob, Replies.Button(intro, "Score the issues"))).AssertReply("Scoring has closed");
    }

    [Fact]
    public async Task Scoring_OutOfRangeOrPartial_ShowsErrorsAndSavesNothing()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        var buses = await AddIssue(chat, "Buses", "transport");
        await chat.Send(Bob, "score");
        await chat.Press(Bob, "Score the issues");

        var replies = await chat.Press(Bob, "Save my scores", Inputs.Of(("imp.4." + buses, "9"), ("urg.4." + buses, "2")));

        Assert.Equal("Please pick a score from 1 to 5.", replies.ErrorBeside("imp.4." + buses));
        Assert.Equal("Please give all three scores, or none.", replies.ErrorBeside("fea.4." + buses));
        Assert.Empty((await chat.Stored()).WithPrefix<PriorityScore>(PriorityScore.Prefix));
    }

    [Fact]
    public async Task Scoring_NoIssues_SaysWhereToAddThem()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();

        (await chat.Send(Ann, "score")).AssertReply("no issues to score yet");
    }

    [Fact]
    public async Task Summary_Step4_ListsTicksRowsAndComputedValues()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await AddIssue(chat, "Speeding on the main road", "transport");
        await chat.Send(Ann, "step 4");
        await chat.Press(Ann, "Surveys");
        await chat.Press(Ann, "Add");
        await chat.Press(Ann, "Save", Inputs.Of(("name", "Household survey"), ("audience", "household"), ("distributed", "200"), ("returned", "90")));

        (await chat.Send(Bob, "summary step 4"))
            .AssertReply("Step 4 summary")
            .AssertReply("Speeding on the main road")
            .AssertReply("Household survey · Households")
            .AssertReply("Response rate: 45%")
            .AssertReply("Overall response rate: 45%")
            .AssertReply("Write the consultation report: Not yet");
    }

    internal static async Task<string> AddIssue(ScriptedConversation chat, string issue, string theme)
    {
        await chat.Send(Ann, "step 4");
        await chat.Press(Ann, "Issues raised");
        await chat.Press(Ann, "Add");
        await chat.Press(Ann, "Save", Inputs.Of(("issue", issue), ("theme", theme)));
        return StepForms.Rows(await chat.Stored(), 4, "issues").Single(r => r.Values["issue"] == issue).RowId;
    }

    private static IReadOnlyDictionary<string, string> Scores(params (string Row, string Imp, string Urg, string Fea)[] scores) =>
        scores.SelectMany(s => new[] { ("imp.4." + s.Row, s.Imp), ("urg.4." + s.Row, s.Urg), ("fea.4." + s.Row, s.Fea) })
            .ToDictionary(p => p.Item1, p => p.Item2);
}
