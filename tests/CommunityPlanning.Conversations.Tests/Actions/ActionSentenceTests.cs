using CommunityPlanning.Conversations.Actions;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Tests.Actions;

public sealed class ActionSentenceTests
{
    private static readonly DateOnly Today = new(2025, 3, 10); // Monday
    private static readonly MemberRef Sam = new("29:sam", "Sam");
    private static readonly MemberRef SamJones = new("29:sj", "Sam Jones");
    private static readonly MemberRef Me = new("29:me", "Pat");
    private static readonly DatePhraseContext NoMeeting = new();

    [Theory]
    [InlineData("Sam book the village hall for 12 March by Friday", "book the village hall for 12 March", "2025-03-14")]
    [InlineData("@Sam book the hall by 14/3", "book the hall", "2025-03-14")]
    [InlineData("Sam to book the hall by next Tuesday", "book the hall", "2025-03-18")]
    [InlineData("Sam: ring the council, due end of the month", "ring the council", "2025-03-31")]
    [InlineData("Sam - leaflet the high street before 21 March", "leaflet the high street", "2025-03-21")]
    [InlineData("Sam deliver the leaflets in 2 weeks", "deliver the leaflets in 2 weeks", null)]
    [InlineData("Sam deliver the leaflets by hand", "deliver the leaflets by hand", null)]
    [InlineData("Sam ring Jo on Friday", "ring Jo", "2025-03-14")]
    public void FromActionCommand_OwnerFirst_SplitsTitleAndDate(string rest, string title, string? due)
    {
        var parsed = ActionSentence.FromActionCommand(rest, [Sam], Today, NoMeeting)!;
        Assert.Equal(title, parsed.Title);
        Assert.Equal(Sam, parsed.Owner);
        Assert.Equal(due, parsed.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FromActionCommand_LongerNameWins()
    {
        var parsed = ActionSentence.FromActionCommand("Sam Jones order the banners", [Sam, SamJones], Today, NoMeeting)!;
        Assert.Equal(SamJones, parsed.Owner);
        Assert.Equal("order the banners", parsed.Title);
    }

    [Fact]
    public void FromActionCommand_NameIsAPrefixOfAWord_NotAnOwner()
    {
        var parsed = ActionSentence.FromActionCommand("Samples for the fete", [Sam], Today, NoMeeting)!;
        Assert.Null(parsed.Owner);
    }

    [Theory]
    [InlineData("update the website by someday")]
    [InlineData("update the website before the fete")]
    [InlineData("update the website by 31/2")]
    [InlineData("update the website by the next meeting")]
    public void FromActionCommand_UnreadableDate_AsksRatherThanGuesses(string rest)
    {
        var parsed = ActionSentence.FromActionCommand(rest, [], Today, NoMeeting)!;
        Assert.Equal(DueReading.NotUnderstood, parsed.Reading);
        Assert.Equal("update the website", parsed.Title);
        Assert.Null(parsed.Due);
    }

    [Theory]
    [InlineData("(step 5) write it up", 5, "write it up")]
    [InlineData("write it up for step 6", 6, "write it up")]
    [InlineData("write it up, step 7", 7, "write it up")]
    [InlineData("finish the step 4 survey", null, "finish the step 4 survey")]
    public void FromActionCommand_Step_ReadOnlyWhenItIsAboutTheStep(string rest, int? step, string title)
    {
        var parsed = ActionSentence.FromActionCommand(rest, [], Today, NoMeeting)!;
        Assert.Equal(step, parsed.Step);
        Assert.Equal(title, parsed.Title);
    }

    [Theory]
    [InlineData("I'll draft the newsletter by end of month")]
    [InlineData("I’ll draft the newsletter by end of month")]
    [InlineData("I will draft the newsletter by end of month")]
    public void FromSentence_IllForms_OwnedBySender(string text)
    {
        var parsed = ActionSentence.FromSentence(text, Me, [], Today, NoMeeting)!;
        Assert.Equal(Me, parsed.Owner);
        Assert.Equal("draft the newsletter", parsed.Title);
        Assert.Equal(new DateOnly(2025, 3, 31), parsed.Due);
    }

    [Theory]
    [InlineData("Sam to ask the county council about the speed survey by 14/3")]
    [InlineData("@Sam will ask the county council about the speed survey by 14/3")]
    public void FromSentence_MentionThenTo_OwnedByThem(string text)
    {
        var parsed = ActionSentence.FromSentence(text, Me, [Sam], Today, NoMeeting)!;
        Assert.Equal(Sam, parsed.Owner);
        Assert.Equal("ask the county council about the speed survey", parsed.Title);
    }

    [Theory]
    [InlineData("Sam to ask the council by 14/3")] // no mention: names alone never make owners
    [InlineData("what shall we do next")]
    [InlineData("Sam is great")]
    public void FromSentence_NotAnActionSentence_ReturnsNull(string text)
    {
        var mentions = text.StartsWith("Sam is", StringComparison.Ordinal) ? new[] { Sam } : [];
        Assert.Null(ActionSentence.FromSentence(text, Me, mentions, Today, NoMeeting));
    }
}
