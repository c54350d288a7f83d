using static CommunityPlanning.Domain.Steps.Content.Fields;

namespace CommunityPlanning.Domain.Steps.Content;

internal static class Step2SteeringGroup
{
    public static StepDefinition Definition { get; } = new(
        2,
        Stage.Launch,
        "Establishing the steering group",
        "Form a group that reflects the whole place and agree how it will run. Set up working groups to share the work.",
        [
            new("representative-mix", "Recruit a mix of ages, local groups and businesses, with a cap on councillors"),
            new("elect-officers", "Elect officers (chair, secretary, treasurer and others)"),
            new("adopt-constitution", "Adopt a constitution or terms of reference"),
            new("council-reporting", "Agree how you report to the parish council, and who insures you"),
            new("money", "Open a bank account or agree ring-fenced funds held by the parish council"),
            new("single-contact", "Name one person for the council and your adviser to contact"),
            new("meeting-pattern", "Set the meeting pattern and who takes minutes"),
            new("working-groups", "Set up themed working groups with their own terms of reference"),
        ])
    {
        Tips =
        [
            "Between 5 and 15 people works well. Many groups allow no more than 3 parish councillors.",
            "A quorum of 3 and monthly meetings are common. Write them into your terms of reference.",
            "Give every officer a clear job, so the work does not fall on two or three people.",
        ],
        Pitfalls =
        [
            "Too many councillors, or a group that does not look like the community.",
            "Roles left vague, so a few people end up doing everything.",
        ],
        Outputs = ["Constitution or terms of reference", "List of officers", "Working group terms", "Minutes of meetings"],
        Forms =
        [
            Single(
                "governance",
                "How the group runs",
                "Your rules: how you are set up, how big you are, and how money is handled.",
                Choice("type", "How is the group set up?", Options(
                    ("constitution", "Independent group with a constitution"),
                    ("terms-of-reference", "Group with terms of reference"),
                    ("council-committee", "Committee of the parish or town council")), required: true),
                Date("adopted", "When were the rules adopted?"),
                Count("maxMembers", "Most members allowed", 50),
                Count("maxCouncillors", "Most parish councillors allowed", 50),
                Count("quorum", "Quorum (members needed for a decision)", 50),
                Choice("meetingFrequency", "How often do you meet?", Options(
                    ("weekly", "Weekly"), ("fortnightly", "Every two weeks"), ("monthly", "Monthly"),
                    ("six-weekly", "Every six weeks"), ("quarterly", "Every three months"), ("as-needed", "When needed"))),
                Choice("fundsHeldBy", "Who holds the money?", Options(
                    ("own-account", "Our own bank account"),
                    ("parish-council", "Ring-fenced by the parish or town council"),
                    ("other", "Someone else"))),
                Text("signatories", "Who can sign cheques or approve spending?", max: 300),
                Choice("insurance", "Insurance", Options(
                    ("parish-council", "Covered by the parish council"), ("own-policy", "Our own policy"), ("none-yet", "Not arranged yet"))),
                Text("contactMember", "Who is the one contact for the council and adviser?", max: 100)),
            Rows(
                "members",
                "Steering group members",
                "Who is on the group, their role and who they speak for.",
                30,
                Text("name", "Name", required: true, max: 100),
                Choice("role", "Role", ChoiceLists.Roles, required: true),
                YesNo("councillor", "Are they a parish councillor?"),
                Text("represents", "Who or what do they represent?", max: 150, help: "For example: the school, young families, local businesses."),
                Date("joined", "When did they join?")),
            Rows(
                "working-groups",
                "Working groups",
                "Themed groups that share the work.",
                20,
                Text("name", "Name", required: true, max: 100),
                Choice("theme", "Theme", ChoiceLists.Themes),
                Text("lead", "Who leads it?", max: 100),
                Long("members", "Who is in it?", max: 500),
                YesNo("termsAgreed", "Have its terms of reference been agreed?")),
        ],
        Rules =
        [
            Rules.NotMoreThan("governance", "maxCouncillors", "maxMembers", "The number of councillors can't be more than the number of members."),
            Rules.NotMoreThan("governance", "quorum", "maxMembers", "The quorum can't be more than the number of members."),
        ],
    };
}
