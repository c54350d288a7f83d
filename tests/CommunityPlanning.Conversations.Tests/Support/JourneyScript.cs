using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Tests.Support;

/// <summary>Script helpers for the journey: tick a whole checklist, fill a form, add a row.</summary>
public static class JourneyScript
{
    public static async Task TickAll(this ScriptedConversation chat, MemberRef who)
    {
        var card = (await chat.Send(who, "checklist")).Card;
        var block = card.Blocks.OfType<ChecklistBlock>().Single();
        foreach (var item in block.Items.Where(i => !i.Done))
        {
            var data = new Dictionary<string, string>(block.Data) { [ChecklistBlock.ItemKey] = item.Id, [ChecklistBlock.DoneKey] = "true" };
            await chat.Submit(who, block.Verb, data);
        }
    }

    public static async Task<Replies> FillForm(this ScriptedConversation chat, MemberRef who, int step, string formTitle, params (string Id, string Value)[] values)
    {
        await chat.Send(who, $"step {step}");
        await chat.Press(who, formTitle);
        return (await chat.Press(who, "Save", Inputs.Of(values))).AssertNoReply("Please check");
    }

    public static async Task<Replies> AddRow(this ScriptedConversation chat, MemberRef who, int step, string formTitle, params (string Id, string Value)[] values)
    {
        await chat.Send(who, $"step {step}");
        await chat.Press(who, formTitle);
        await chat.Press(who, "Add");
        return (await chat.Press(who, "Save", Inputs.Of(values))).AssertNoReply("Please check");
    }

    public static async Task<Replies> CompleteStep(this ScriptedConversation chat, MemberRef who)
    {
        await chat.Send(who, "step complete");
        return (await chat.Press(who, "Yes, complete it")).AssertReply("Marked complete by " + who.Name);
    }
}
