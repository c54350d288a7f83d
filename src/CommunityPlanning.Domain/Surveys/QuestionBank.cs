namespace CommunityPlanning.Domain.Surveys;

/// <summary>How a survey question is answered.</summary>
public enum AnswerKind
{
    /// <summary>One answer from a list.</summary>
    OneChoice,

    /// <summary>Any number of answers from a list.</summary>
    ManyChoices,

    /// <summary>In the person's own words.</summary>
    FreeText,
}

/// <summary>A theme of the question bank.</summary>
/// <param name="Letter">The letter that starts its questions' ids (H for housing).</param>
/// <param name="Title">What people see.</param>
public sealed record SurveyTheme(string Letter, string Title);

/// <summary>A question from the bank, worded as it goes on a questionnaire.</summary>
/// <param name="Id">A short id people type: the theme's letter and a number (H1).</param>
/// <param name="Theme">The theme's letter.</param>
/// <param name="Text">The question.</param>
/// <param name="Kind">How it is answered.</param>
/// <param name="Options">The answers offered, for choice questions.</param>
public sealed record BankQuestion(string Id, string Theme, string Text, AnswerKind Kind, IReadOnlyList<string> Options);

/// <summary>
/// Common questionnaire questions by theme, in the words ACRE's examples use, for a group to pick from
/// (<c>survey questions</c>, <c>survey add H1 T2</c>). Short and plain: a long questionnaire is the first pitfall of step 4.
/// </summary>
public static class QuestionBank
{
    private static readonly string[] Agree = ["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree"];
    private static readonly string[] YesNo = ["Yes", "No", "Don't know"];
    private static readonly string[] Often = ["Every day", "Every week", "Every month", "Less often", "Never"];

    /// <summary>The themes, in the order they are shown.</summary>
    public static IReadOnlyList<SurveyTheme> Themes { get; } =
    [
        new("H", "Housing"),
        new("T", "Transport and roads"),
        new("E", "Environment"),
        new("S", "Services"),
        new("Y", "Young people"),
        new("O", "Older people"),
        new("B", "Business"),
        new("L", "Leisure"),
    ];

    /// <summary>Every question, theme by theme.</summary>
    public static IReadOnlyList<BankQuestion> Questions { get; } =
    [
        new("H1", "H", "Do we need more homes in the parish over the next 10 years?", AnswerKind.OneChoice, YesNo),
        new("H2", "H", "What kind of new homes are needed?", AnswerKind.ManyChoices, ["Homes for first-time buyers", "Affordable homes to rent", "Homes for older people", "Family homes", "Self-build plots", "None"]),
        new("H3", "H", "Where should new homes go?", AnswerKind.FreeText, []),
        new("T1", "T", "Is speeding traffic a problem where you live?", AnswerKind.OneChoice, YesNo),
        new("T2", "T", "How often do you use the bus?", AnswerKind.OneChoice, Often),
        new("T3", "T", "What would make getting about easier?", AnswerKind.ManyChoices, ["More buses", "Safer footpaths", "Cycle routes", "More parking", "Lower speed limits", "Community transport"]),
        new("E1", "E", "Which green spaces matter most to you?", AnswerKind.FreeText, []),
        new("E2", "E", "Litter and dog fouling are a problem in the parish.", AnswerKind.OneChoice, Agree),
        new("E3", "E", "Would you help with a village tidy-up or wildlife project?", AnswerKind.OneChoice, YesNo),
        new("S1", "S", "Which services do you use in the parish?", AnswerKind.ManyChoices, ["Shop", "Post office", "Pub", "Village hall", "Doctor's surgery", "Library", "Church"]),
        new("S2", "S", "How good is your broadband?", AnswerKind.OneChoice, ["Very good", "Good", "Poor", "Very poor", "I don't have it"]),
        new("S3", "S", "Which service would you most like to see in the parish?", AnswerKind.FreeText, []),
        new("Y1", "Y", "Is there enough for young people to do in the parish?", AnswerKind.OneChoice, YesNo),
        new("Y2", "Y", "What would you like for young people here?", AnswerKind.ManyChoices, ["Youth club", "Skate park", "Sports pitch", "Safe place to meet", "Trips and events", "Better buses"]),
        new("O1", "O", "Can older people get the help they need to stay in their homes?", AnswerKind.OneChoice, YesNo),
        new("O2", "O", "Do you ever feel lonely or cut off?", AnswerKind.OneChoice, ["Often", "Sometimes", "Hardly ever", "Never"]),
        new("B1", "B", "Do you run a business from the parish?", AnswerKind.OneChoice, ["Yes, from home", "Yes, from business premises", "No"]),
        new("B2", "B", "What would help local businesses?", AnswerKind.ManyChoices, ["Faster broadband", "Small offices or workshops", "Parking", "Signs", "More visitors", "Training"]),
        new("L1", "L", "Which of these do you take part in?", AnswerKind.ManyChoices, ["Sports clubs", "Walking", "Arts and crafts", "Social clubs", "Volunteering", "Church events"]),
        new("L2", "L", "What leisure activity is missing in the parish?", AnswerKind.FreeText, []),
    ];

    /// <summary>A question by its id, in any case; null when there is none.</summary>
    public static BankQuestion? Find(string? id) =>
        Questions.FirstOrDefault(q => string.Equals(q.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The theme with the letter, or null.</summary>
    public static SurveyTheme? Theme(string letter) => Themes.FirstOrDefault(t => string.Equals(t.Letter, letter, StringComparison.Ordinal));
}
