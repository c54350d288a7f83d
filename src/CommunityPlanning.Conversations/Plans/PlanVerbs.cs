namespace CommunityPlanning.Conversations.Plans;

/// <summary>The card verbs of the plan (step 6's drafting and the documents), and the data keys they carry.</summary>
public static class PlanVerbs
{
    /// <summary>Show the plan: its sections, their status, and the buttons.</summary>
    public const string Show = "plan.show";

    /// <summary>Draft every section nobody has edited yet from what the group recorded.</summary>
    public const string Draft = "plan.draft";

    /// <summary>Show the sections as buttons, to pick one to edit (data: page, 1 or 2).</summary>
    public const string Sections = "plan.sections";

    /// <summary>Open a section's form (data: section).</summary>
    public const string OpenSection = "plan.section";

    /// <summary>Save a section's form (data: section, and h.text / h.status fingerprints of what the card showed).</summary>
    public const string SaveSection = "plan.section.save";

    /// <summary>A link to the plan as a Word document.</summary>
    public const string Document = "plan.document";

    /// <summary>A link to the action plan as CSV.</summary>
    public const string ExportActions = "plan.export";

    /// <summary>Data key: the page of the list of sections.</summary>
    public const string PageKey = "page";

    /// <summary>Data key: the section id.</summary>
    public const string SectionKey = "section";

    /// <summary>Input id: the section's text.</summary>
    public const string TextInput = "text";

    /// <summary>Input id: the section's status (draft or agreed).</summary>
    public const string StatusInput = "status";
}
