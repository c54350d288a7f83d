namespace CommunityPlanning.Domain.Members;

/// <summary>Roles in a steering group.</summary>
public enum MemberRole
{
    /// <summary>A member with no office.</summary>
    Member,

    /// <summary>Chair: runs meetings, can complete and reopen steps.</summary>
    Chair,

    /// <summary>Vice-chair.</summary>
    ViceChair,

    /// <summary>Secretary: keeps minutes, can complete steps.</summary>
    Secretary,

    /// <summary>Treasurer.</summary>
    Treasurer,

    /// <summary>Publicity Officer.</summary>
    PublicityOfficer,

    /// <summary>Fundraising Officer.</summary>
    FundraisingOfficer,

    /// <summary>Volunteer Coordinator.</summary>
    VolunteerCoordinator,

    /// <summary>Project Manager.</summary>
    ProjectManager,
}
