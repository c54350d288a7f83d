namespace CommunityPlanning.Conversations.Journey;

/// <summary>The card verbs of the step journey, and the data keys they carry.</summary>
public static class JourneyVerbs
{
    /// <summary>Show a step card (data: step).</summary>
    public const string ShowStep = "step.show";

    /// <summary>Show the step's forms, each with a button to open it (data: step).</summary>
    public const string ShowForms = "step.forms";

    /// <summary>Show what a step produces and all its pitfalls, where a card cannot fold them (data: step).</summary>
    public const string ShowMore = "step.more";

    /// <summary>Start the step's questions in the chat (data: step).</summary>
    public const string AskQuestions = "step.ask";

    /// <summary>Show a step's summary (data: step).</summary>
    public const string ShowSummary = "step.summary";

    /// <summary>Confirm completing a step (data: step).</summary>
    public const string CompleteStep = "step.complete";

    /// <summary>Decline completing a step (data: step).</summary>
    public const string KeepStepOpen = "step.keep";

    /// <summary>Open a form: a single form's card or a repeating form's list (data: step, form).</summary>
    public const string OpenForm = "form.open";

    /// <summary>Start a new row (data: step, form).</summary>
    public const string AddRow = "form.add";

    /// <summary>Edit the row picked on a list card (data: step, form; input: row).</summary>
    public const string EditRow = "form.edit";

    /// <summary>Remove the row picked on a list card (data: step, form; input: row).</summary>
    public const string RemoveRow = "form.remove";

    /// <summary>Save a form or row (data: step, form, row, new, and h.&lt;field&gt; for each value the card showed).</summary>
    public const string SaveForm = "form.save";

    /// <summary>Open the member's own scoring card (data: page).</summary>
    public const string OpenScoring = "score.open";

    /// <summary>Save the member's scores (data: page; inputs per issue).</summary>
    public const string SaveScores = "score.save";

    /// <summary>Data key: the step number.</summary>
    public const string StepKey = "step";

    /// <summary>Data key: the form id.</summary>
    public const string FormKey = "form";

    /// <summary>Data key (and list card input id): the row id.</summary>
    public const string RowKey = "row";

    /// <summary>Data key: "1" when the row is being added.</summary>
    public const string NewKey = "new";

    /// <summary>Data key: the page of the scoring card.</summary>
    public const string PageKey = "page";

    /// <summary>Data key: "1" on a button that should replace the card it is on rather than post a new one.</summary>
    public const string ReplaceKey = "replace";

    /// <summary>Prefix of the data keys holding a fingerprint of each value the card showed.</summary>
    public const string ShownPrefix = "h.";
}
