using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using static CommunityPlanning.Conversations.Tests.Actions.ActionHarness;

namespace CommunityPlanning.Conversations.Tests.Actions;

/// <summary>What the core does with a mention the channel's roster confirmed, refused or could not check.</summary>
public sealed class MentionCheckTests
{
    private static readonly MemberRef Chris = new("29:chris", "Chris Hill");

    [Fact]
    public async Task Action_MentionConfirmedInConversation_MadeInOneMessageAndTheyBecomeAMember()
    {
        var h = await new ActionHarness().WithPlanAsync();

        var replies = await h.SayAsync(Chair, "action Chris Hill book the village hall by Friday", MentionCheck.InConversation, Chris);

        var reply = Assert.Single(replies);
        Assert.Equal("Action 1: book the village hall", reply.Card!.Title);
        Assert.Equal(Chris, h.Action(1).Owner);
        Assert.Contains(h.Memory.All<MemberRecord>(h.GroupId), m => m.Member == Chris && m.Active);
    }

    [Fact]
    public async Task Action_MentionNotInConversation_ClearReplyAndNothingMade()
    {
        var h = await new ActionHarness().WithPlanAsync();

        var replies = await h.SayAsync(Chair, "action Chris Hill book the village hall by Friday", MentionCheck.NotInConversation, Chris);

        Assert.StartsWith("Chris Hill isn't in this conversation, so I haven't made the action", Assert.Single(replies).Text, StringComparison.Ordinal);
        Assert.Empty(h.Actions);
        Assert.DoesNotContain(h.Memory.All<MemberRecord>(h.GroupId), m => m.Member.Id == Chris.Id);
    }

    [Fact]
    public async Task Action_MentionUnchecked_AsksBeforeTrustingThem()
    {
        var h = await new ActionHarness().WithPlanAsync();

        var replies = await h.SayAsync(Chair, "action Chris Hill book the village hall by Friday", MentionCheck.Unchecked, Chris);

        Assert.Equal("Is Chris Hill in the group?", Assert.Single(replies).Card!.Title);
        Assert.Empty(h.Actions);
    }

    [Fact]
    public async Task Reassign_MentionNotInConversation_RefusedAndOwnerKept()
    {
        var h = await new ActionHarness().WithPlanAsync();
        await h.SayAsync(Chair, "action Sam book the village hall by Friday", MentionCheck.InConversation, Sam);

        var replies = await h.SayAsync(Chair, "action 1 to Chris Hill", MentionCheck.NotInConversation, Chris);

        Assert.Contains("isn't in this conversation", Assert.Single(replies).Text, StringComparison.Ordinal);
        Assert.Equal(Sam, h.Action(1).Owner);
    }
}
