namespace CommunityPlanning.Domain.Steps;

/// <summary>
/// The terms the step content uses that a volunteer may not know, each explained in two or three short,
/// plain sentences. <see cref="Find"/> answers "what is …" questions.
/// </summary>
public static class Glossary
{
    /// <summary>Every term, in alphabetical order.</summary>
    public static IReadOnlyList<GlossaryTerm> Terms { get; } =
    [
        new("ACRE", "Action with Communities in Rural England. It links up the rural help groups in each county. It writes the guide this bot follows.", "Action with Communities in Rural England"),
        new("Action plan", "The list of things the group will do. Each action has a lead, a date and a way to tell when it is done.", "action plans") { Spotted = false },
        new("Annual Parish Meeting", "A meeting of the whole parish, held once a year between March and June. Anyone on the electoral roll can come and speak. It is a good place to report on the plan."),
        new("Area designation", "The first formal step of a Neighbourhood Plan. The group leading the plan asks for its area to be agreed. The planning authority then says yes or no in public.", "designation", "neighbourhood area", "designated area"),
        new("Basic conditions", "The tests a Neighbourhood Plan must pass to go to a vote. It must fit national policy and the Local Plan's main aims. It must help to build in a way that lasts, and obey the law.", "basic conditions statement"),
        new("Community Led Plan", "A plan made by local people about anything that matters to the place. It has no legal force, but councils and agencies often use it. It used to be called a Parish Plan.", "CLP", "community-led plan", "parish plan") { Spotted = false },
        new("Community profile", "A short picture of the place in facts and figures. It covers things like age, homes, jobs and travel. Most of it comes from the Census and council data.", "profile"),
        new("Constitution", "The group's written rules. It says what the group is for, who can join, how it decides, and what happens to money if it closes."),
        new("Consultation statement", "A report that goes in with a Neighbourhood Plan. It says who was asked, what they said, and how the plan changed as a result."),
        new("Decision statement", "The planning authority's reply to the examiner's report. It says which changes it accepts and if the plan can go to a vote.", "planning authority's decision"),
        new("Endorsement", "When the district council or a partner formally backs your plan. It is not the same as adoption. Agencies take an endorsed plan more seriously.", "endorse", "endorsed"),
        new("Examination", "An expert who is not part of the plan checks it against the basic conditions. They say if it can go to a vote, maybe with changes. Most are done in writing, with no hearing.", "independent examination", "examiner", "examiner's report"),
        new("HRA", "Habitats Regulations Assessment. It checks if the plan could harm specially protected wildlife sites. Most plans only need a short check, called screening.", "Habitats Regulations Assessment"),
        new("Local planning authority", "The council that deals with planning for your area. It is most often the district or borough council. In some places it is a unitary council or a national park.", "LPA", "planning authority") { Spotted = false },
        new("Local Plan", "The main planning plan for a district. It sets where new homes and jobs go. A Neighbourhood Plan must fit with its main aims."),
        new("Made", "The word the law uses when a Neighbourhood Plan comes into force. The local planning authority makes the plan after a yes vote. From then on, it is used to decide planning applications.", "making the plan", "plan made") { Spotted = false },
        new("Majority mandate and minority need", "A way to sort issues. A majority mandate is what most people want. A minority need matters a lot to a few people, such as those who cannot drive.", "majority mandate", "minority need"),
        new("Neighbourhood forum", "A group that can lead a Neighbourhood Plan where there is no parish or town council. The local planning authority must agree it. It needs at least 21 members.", "forum", "designated forum"),
        new("Neighbourhood Plan", "A legal plan for how land in the area is used. Only a parish or town council or a forum can lead one. It needs an examination and a local vote.", "NP", "neighbourhood development plan") { Spotted = false },
        new("Planning for Real", "A hands-on way to ask people what they think. People put cards with ideas or problems on a big map or model of the place. It suits people who do not like forms."),
        new("Quorum", "The fewest members who must be at a meeting for its decisions to count. Many groups set it at three."),
        new("RAG", "Red, amber and green: a quick way to show how an action is going. Red is a problem, amber is not yet due or short of money, and green is done or on track.", "red amber green", "RAG rating"),
        new("RCAN adviser", "An adviser from your county's rural community council. They help groups through the steps, often for free. Ask them early.", "RCAN", "rural community council", "adviser"),
        new("Referendum", "A local vote on a Neighbourhood Plan. People on the electoral roll in the area can vote. If more than half of those who vote say yes, the plan is made.", "vote", "poll"),
        new("Regulation 14", "The first formal chance for people to comment on a draft Neighbourhood Plan. The group runs it for at least six weeks. All who live, work or run a firm in the area must get a chance to comment.", "reg 14", "pre-submission consultation"),
        new("Regulation 15", "Sending the plan to the local planning authority. It goes with a map of the area and two statements: who you asked, and how the plan meets the basic conditions. The screening results go too.", "reg 15", "submission", "submission pack"),
        new("Regulation 16", "Once the plan is sent in, the planning authority asks for comments too. It lasts at least six weeks. The comments go to the examiner.", "reg 16"),
        new("Ring-fenced", "Money kept for one purpose only. For example, the parish council may hold the group's grant, but only spend it on the plan.", "ring fenced", "ring-fencing"),
        new("Screening", "A short check of whether a plan needs a full SEA or HRA. The local planning authority does it and writes down what it decides. That written decision is the screening determination.", "screening determination", "screening opinion"),
        new("SEA", "Strategic Environmental Assessment. It is a study of how a plan could affect the environment. Only some Neighbourhood Plans need a full one; screening tells you.", "Strategic Environmental Assessment"),
        new("Stakeholders", "People and groups with an interest in the plan. They include councils, schools, the GP, bus firms, landowners, local groups and shops.", "stakeholder"),
        new("Steering group", "The team of volunteers who run the plan. It often has five to fifteen people. It has a chair, a secretary and someone to look after the money.") { Spotted = false },
        new("Terms of reference", "A short note of what a group is for and how it works. It says who is in it, how often it meets and who it reports to. It is simpler than a constitution.", "ToR"),
        new("Village Design Statement", "A guide to what makes the look of a village special. It says how new buildings should fit in. The council may adopt it as planning guidance.", "VDS"),
        new("Working day", "Any day but a weekend or a bank holiday. Christmas Eve, Christmas Day and Good Friday do not count either. The referendum timetable counts in working days.", "working days") { Spotted = false },
    ];

    /// <summary>The term a question names (term or alias, case and a trailing "s" ignored), or null.</summary>
    public static GlossaryTerm? Find(string? words)
    {
        var wanted = Normalise(words);
        if (wanted.Length == 0)
        {
            return null;
        }

        return Terms.FirstOrDefault(t => t.Names.Any(n => Normalise(n) == wanted))
            ?? Terms.FirstOrDefault(t => t.Names.Any(n => Normalise(n) == wanted.TrimEnd('s')));
    }

    /// <summary>
    /// The spotted terms (<see cref="GlossaryTerm.Spotted"/>) whose term or alias appears in
    /// <paramref name="text"/> (whole words, any case), in glossary order.
    /// </summary>
    public static IReadOnlyList<GlossaryTerm> In(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var padded = " " + Normalise(text) + " ";
        return Terms.Where(t => t.Spotted && t.Names.Any(n => padded.Contains(" " + Normalise(n) + " ", StringComparison.Ordinal))).ToList();
    }

    private static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var letters = text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        return string.Join(' ', new string(letters).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
