using CommunityPlanning.Domain.Forms;
using static CommunityPlanning.Domain.Steps.Content.Fields;

namespace CommunityPlanning.Domain.Steps.Content;

/// <summary>Choice lists used by more than one step. Values are stored, so never rename them.</summary>
internal static class ChoiceLists
{
    public static IReadOnlyList<FieldChoice> Themes { get; } = Options(
        ("housing", "Housing and development"),
        ("transport", "Roads, traffic and transport"),
        ("environment", "Environment, countryside and green space"),
        ("facilities", "Places people share (hall, shop, pub, post office, play areas)"),
        ("young-people", "Young people"),
        ("older-people", "Older people, health and social care"),
        ("crime", "Crime and policing"),
        ("economy", "Business, jobs and the local economy"),
        ("broadband", "Broadband and communications"),
        ("education", "Education"),
        ("sport", "Sport and leisure"),
        ("heritage", "Tourism and heritage"),
        ("democracy", "Local democracy and information"),
        ("other", "Something else"));

    public static IReadOnlyList<FieldChoice> Skills { get; } = Options(
        ("it-data", "IT and data"),
        ("writing", "Writing"),
        ("design", "Design"),
        ("publicity", "Publicity"),
        ("finance", "Finance"),
        ("events", "Running events"),
        ("planning", "Planning"));

    public static IReadOnlyList<FieldChoice> Roles { get; } = Options(
        ("chair", "Chair"),
        ("vice-chair", "Vice-chair"),
        ("secretary", "Secretary"),
        ("treasurer", "Treasurer"),
        ("publicity", "Publicity Officer"),
        ("fundraising", "Fundraising Officer"),
        ("volunteers", "Volunteer Coordinator"),
        ("project-manager", "Project Manager"),
        ("member", "Member"));

    public static IReadOnlyList<FieldChoice> ActionStatus { get; } = Options(
        ("not-started", "Not started"),
        ("in-progress", "In progress"),
        ("completed", "Completed"),
        ("on-hold", "On hold"),
        ("dropped", "Dropped"));

    public static IReadOnlyList<FieldChoice> Channels { get; } = Options(
        ("newsletter", "Newsletter or parish magazine"),
        ("website", "Website"),
        ("social-media", "Social media"),
        ("noticeboards", "Noticeboards"),
        ("leaflets", "Leaflets through every door"),
        ("press", "Local press or radio"),
        ("email", "Email list"),
        ("events", "Events and stalls"),
        ("schools", "Schools and clubs"),
        ("council", "Parish council meeting"));

    public static IReadOnlyList<FieldChoice> Steps { get; } =
        StepNumbers().Select(n => new FieldChoice(n.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Step {n}")).ToArray();

    private static IEnumerable<int> StepNumbers() => Enumerable.Range(1, 9);
}
