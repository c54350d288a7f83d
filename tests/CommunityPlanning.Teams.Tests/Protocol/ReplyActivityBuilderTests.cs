using System.Text.Json;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Teams.Cards;
using CommunityPlanning.Teams.Protocol;

namespace CommunityPlanning.Teams.Tests.Protocol;

public sealed class ReplyActivityBuilderTests
{
    private readonly ReplyActivityBuilder _builder = new(new AdaptiveCardRenderer());

    [Fact]
    public void Build_ReplyNamingOwnersOnly_SendsPlainNamesWithoutMentionEntities()
    {
        var reply = new Reply { Text = $"Action 2 is now {MentionText.Token(0)}'s (it was {MentionText.Token(1)}'s).", Mentions = [new MemberRef("29:sam", "Sam *S*"), new MemberRef("29:kim", "Kim")], NamesOnly = true };

        var activity = _builder.Build(reply, Inbound());

        Assert.Equal("Action 2 is now Sam *S*'s (it was Kim's).", activity.Text);
        Assert.Equal("plain", activity.TextFormat);
        Assert.Null(activity.Entities);
    }

    [Fact]
    public void Build_ReplyNamingSomeone_RendersAtTagAndMentionEntity()
    {
        var reply = new Reply { Text = $"Thanks {MentionText.Token(0)}, that's on the list.", Mentions = [new MemberRef("29:sam", "Sam")] };

        var activity = _builder.Build(reply, Inbound());

        Assert.Equal("Thanks <at>Sam</at>, that's on the list.", activity.Text);
        var entity = Assert.Single(activity.Entities!);
        Assert.Equal("mention", entity.GetProperty("type").GetString());
        Assert.Equal("29:sam", entity.GetProperty("mentioned").GetProperty("id").GetString());
        Assert.Equal("Sam", entity.GetProperty("mentioned").GetProperty("name").GetString());
        Assert.Contains(entity.GetProperty("text").GetString()!, activity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NamesNeedingEscapes_EntityTextStillAppearsExactlyInText()
    {
        var reply = new Reply
        {
            Text = $"{MentionText.Token(0)} and {MentionText.Token(1)} *please* check <this>",
            Mentions = [new MemberRef("29:a", "Ann_Smith*"), new MemberRef("29:b", "Bob <Admin>")],
        };

        var activity = _builder.Build(reply, Inbound());

        Assert.Equal(2, activity.Entities!.Count);
        foreach (var entity in activity.Entities)
        {
            Assert.Contains(entity.GetProperty("text").GetString()!, activity.Text, StringComparison.Ordinal);
        }

        Assert.Equal("<at>Ann\\_Smith\\*</at> and <at>Bob \\<Admin></at> \\*please\\* check \\<this>", activity.Text);
    }

    [Fact]
    public void Build_MentionsBetweenWords_KeepTheSpacesAroundThem()
    {
        var reply = new Reply { Text = $"{MentionText.Token(0)} and {MentionText.Token(1)} will book it", Mentions = [new MemberRef("29:a", "Ann"), new MemberRef("29:b", "Bob")] };

        var activity = _builder.Build(reply, Inbound());

        Assert.Equal("<at>Ann</at> and <at>Bob</at> will book it", activity.Text);
    }

    [Fact]
    public void Build_NoMentions_HasNoEntities()
    {
        var activity = _builder.Build(Reply.Say("Well done, Sam Smith! (Parish Plan) *starred*"), Inbound());

        Assert.Null(activity.Entities);
        Assert.Equal("plain", activity.TextFormat);
        Assert.Equal("Well done, Sam Smith! (Parish Plan) *starred*", activity.Text);
    }

    [Fact]
    public void Build_ReplyInThread_AddressedToTheConversationAsSent()
    {
        var inbound = Inbound();

        var activity = _builder.Build(Reply.Show(new Card { Title = "Hello" }), inbound);

        Assert.Equal(inbound.Conversation!.Id, activity.Conversation!.Id);
        Assert.Equal("28:bot", activity.From!.Id);
        Assert.Equal("29:sam", activity.Recipient!.Id);
        Assert.Equal(AdaptiveCardRenderer.ContentType, Assert.Single(activity.Attachments!).ContentType);
        Assert.Equal(JsonValueKind.Object, activity.Attachments![0].Content!.Value.ValueKind);
    }

    private static Activity Inbound() => new()
    {
        Type = "message",
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        From = new ChannelAccount { Id = "29:sam", Name = "Sam" },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "PlanBot" },
        Conversation = new ConversationAccount { Id = "19:planning@thread.tacv2;messageid=1700000000001", TenantId = "tenant-1" },
    };
}
