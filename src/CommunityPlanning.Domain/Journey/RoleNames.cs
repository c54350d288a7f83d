using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Domain.Journey;

/// <summary>Role names as people say them, and who may do what.</summary>
public static class RoleNames
{
    private static readonly (string Word, MemberRole Role)[] Words =
    [
        ("vice chair", MemberRole.ViceChair),
        ("vicechair", MemberRole.ViceChair),
        ("deputy chair", MemberRole.ViceChair),
        ("chair", MemberRole.Chair),
        ("chairman", MemberRole.Chair),
        ("chairwoman", MemberRole.Chair),
        ("chairperson", MemberRole.Chair),
        ("secretary", MemberRole.Secretary),
        ("treasurer", MemberRole.Treasurer),
        ("publicity", MemberRole.PublicityOfficer),
        ("publicity officer", MemberRole.PublicityOfficer),
        ("fundraising", MemberRole.FundraisingOfficer),
        ("fundraising officer", MemberRole.FundraisingOfficer),
        ("fundraiser", MemberRole.FundraisingOfficer),
        ("volunteer coordinator", MemberRole.VolunteerCoordinator),
        ("volunteers", MemberRole.VolunteerCoordinator),
        ("project manager", MemberRole.ProjectManager),
        ("member", MemberRole.Member),
        ("none", MemberRole.Member),
    ];

    /// <summary>The role's name as shown: "Chair", "Vice-chair", "Publicity Officer".</summary>
    public static string Title(this MemberRole role) => role switch
    {
        MemberRole.Chair => "Chair",
        MemberRole.ViceChair => "Vice-chair",
        MemberRole.Secretary => "Secretary",
        MemberRole.Treasurer => "Treasurer",
        MemberRole.PublicityOfficer => "Publicity Officer",
        MemberRole.FundraisingOfficer => "Fundraising Officer",
        MemberRole.VolunteerCoordinator => "Volunteer Coordinator",
        MemberRole.ProjectManager => "Project Manager",
        _ => "Member",
    };

    /// <summary>Reads a role as typed ("vice-chair", "the Treasurer", "publicity officer").</summary>
    public static bool TryParse(string? text, out MemberRole role)
    {
        role = MemberRole.Member;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var words = text.Trim().ToLowerInvariant().Replace('-', ' ');
        if (words.StartsWith("the ", StringComparison.Ordinal))
        {
            words = words[4..];
        }

        words = string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (var (word, candidate) in Words)
        {
            if (string.Equals(word, words, StringComparison.Ordinal))
            {
                role = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>The roles people can type, for help text.</summary>
    public static string Choices => "chair, vice-chair, secretary, treasurer, publicity, fundraising, volunteer coordinator, project manager or member";

    /// <summary>True when the role may reopen steps, set roles and close scoring.</summary>
    public static bool IsChair(MemberRole role) => role == MemberRole.Chair;
}
