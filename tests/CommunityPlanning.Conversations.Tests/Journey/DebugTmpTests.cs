using CommunityPlanning.Conversations.Tests.Support;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;
namespace CommunityPlanning.Conversations.Tests.Journey;
public sealed class DebugTmpTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Dbg()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.AddRow(Ann, 5, "Action plan", ("action", "Community speed watch"), ("type", "community"));
        output.WriteLine(string.Join(",", Domain.Journey.StepForms.Rows(await chat.Stored(), 5, "actions").Select(r => r.RowId + "=" + r.Values["action"])));
        await chat.AddRow(Ann, 5, "Action plan", ("action", "Litter pick"), ("type", "community"));
        output.WriteLine(string.Join(",", Domain.Journey.StepForms.Rows(await chat.Stored(), 5, "actions").Select(r => r.RowId + "=" + r.Values["action"])));
        await chat.TickAll(Ann);
        for (var step = 1; step < 9; step++)
        {
            await chat.Send(Ann, "step complete");
            output.WriteLine((await chat.Press(Ann, step == 1 ? "Yes, complete it" : "Complete anyway")).Text);
            output.WriteLine(string.Join(",", Domain.Journey.StepForms.Rows(await chat.Stored(), 5, "actions").Select(r => r.RowId + "=" + r.Values["action"])));
        }
    }
}
