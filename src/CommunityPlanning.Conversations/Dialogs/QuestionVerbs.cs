namespace CommunityPlanning.Conversations.Dialogs;

/// <summary>The verbs and data keys of a question card's buttons.</summary>
public static class QuestionVerbs
{
    /// <summary>Save the answer typed into the card.</summary>
    public const string Save = "question.save";

    /// <summary>Leave the question for now.</summary>
    public const string Skip = "question.skip";

    /// <summary>Stop asking.</summary>
    public const string Stop = "question.stop";

    /// <summary>The data key naming the question the card asks.</summary>
    public const string PromptKey = "q";

    /// <summary>The data key naming the person the question is for.</summary>
    public const string ForKey = "for";

    /// <summary>The id of the card's answer input.</summary>
    public const string AnswerInput = "answer";
}
