using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Meetings;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the root namespace, beside AddConversations, so the composition needs no extra using.
namespace CommunityPlanning.Conversations;

/// <summary>Registers the meetings feature.</summary>
public static class MeetingsServiceCollectionExtensions
{
    /// <summary>
    /// Adds meeting commands, card buttons, help, and the real <see cref="INextMeetingSource"/> (replacing the
    /// actions feature's stand-in). Minutes links come from the host; until it registers <see cref="IMinutesLinks"/>
    /// minutes cards carry none.
    /// </summary>
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<INextMeetingSource, ScheduledNextMeeting>();
        services.TryAddSingleton<IMinutesLinks, NoMinutesLinks>();

        services.AddFeature<MeetingCommand>();
        services.AddFeature<MeetingRecordingCommand>();
        services.AddFeature<AgendaCommand>();
        services.AddFeature<NextMeetingCommand>();
        services.AddFeature<MinutesCommand>();
        services.AddFeature<MeetingCardActions>();

        services.AddSingleton(new HelpEntry(50, "meeting start", "Start a meeting: one shared card with attendance, quorum, agenda and the checklist to tick.", HelpTopic.Meetings));
        services.AddSingleton(new HelpEntry(51, "decision …", "During a meeting, record a decision for the minutes. Actions (\"action @Sam …\") are added to the minutes too.", HelpTopic.Meetings));
        services.AddSingleton(new HelpEntry(52, "note …", "During a meeting, add a note to the minutes. \"apologies @Sam\" records apologies.", HelpTopic.Meetings));
        services.AddSingleton(new HelpEntry(53, "agenda add …", "Put an item on the agenda of this meeting or the next. \"agenda\" shows it.", HelpTopic.Meetings));
        services.AddSingleton(new HelpEntry(54, "meeting end", "End the meeting and post the minutes. Meetings left open close by themselves after 6 hours.", HelpTopic.Meetings));
        services.AddSingleton(new HelpEntry(55, "next meeting Tue 14 March 7pm", "Set the next meeting, so \"by the next meeting\" works for actions.", HelpTopic.Meetings));
        services.AddSingleton(new HelpEntry(56, "minutes", "Show the last meeting's minutes, with a download link.", HelpTopic.Meetings));
        services.AddSingleton(new HelpEntry(57, "minutes list", "List past meetings' minutes, newest first.", HelpTopic.Meetings));
        return services;
    }
}
