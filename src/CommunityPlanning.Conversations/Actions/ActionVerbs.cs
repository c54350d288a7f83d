namespace CommunityPlanning.Conversations.Actions;

/// <summary>The card verbs of the actions feature, and the data keys they carry.</summary>
public static class ActionVerbs
{
    /// <summary>Show an action's details (data: id).</summary>
    public const string Show = "action.show";

    /// <summary>Mark an action done (data: id).</summary>
    public const string Done = "action.done";

    /// <summary>Reopen a completed or dropped action (data: id).</summary>
    public const string Reopen = "action.reopen";

    /// <summary>Open the change-due-date form (data: id).</summary>
    public const string DueForm = "action.due.form";

    /// <summary>Save a due date (data: id; input or data <c>due</c> as yyyy-MM-dd).</summary>
    public const string SetDue = "action.due.set";

    /// <summary>Clear the due date (data: id).</summary>
    public const string ClearDue = "action.due.clear";

    /// <summary>Open the reassign form (data: id).</summary>
    public const string OwnerForm = "action.owner.form";

    /// <summary>Give the action to the member chosen in input <c>owner</c> (data: id).</summary>
    public const string SetOwner = "action.owner.set";

    /// <summary>Add the person waiting in a pending record to the group's members and give them the action (data: id, p).</summary>
    public const string AddOwner = "action.owner.add";

    /// <summary>Show the group's open actions.</summary>
    public const string List = "action.list";

    /// <summary>Prefix of the verbs that answer questions about an action not yet created.</summary>
    public const string NewPrefix = "action.new.";

    /// <summary>New action: save the due date typed into input <c>due</c>.</summary>
    public const string NewDue = NewPrefix + "due";

    /// <summary>New action: it has no due date.</summary>
    public const string NewNoDue = NewPrefix + "nodue";

    /// <summary>New action: keep the date although it has passed.</summary>
    public const string NewKeepDate = NewPrefix + "keepdate";

    /// <summary>New action: add the mentioned person to the group and give it to them.</summary>
    public const string NewAddOwner = NewPrefix + "addowner";

    /// <summary>New action: give it to the member chosen in input <c>owner</c> (empty: nobody).</summary>
    public const string NewPickOwner = NewPrefix + "pickowner";

    /// <summary>New action: leave it unassigned.</summary>
    public const string NewNoOwner = NewPrefix + "noowner";

    /// <summary>New action: forget it.</summary>
    public const string NewCancel = NewPrefix + "cancel";

    /// <summary>Open the "make an action" dialog for a message (Teams message action, Slack message shortcut).</summary>
    public const string MessageForm = "action.msg.form";

    /// <summary>Make the action typed into the message dialog (data: token <c>t</c>, and <c>by</c>, <c>link</c>, <c>q</c> about the message; inputs: title, owner, due, step).</summary>
    public const string MessageMake = "action.msg.make";

    /// <summary>The input key of an action's title in the message dialog.</summary>
    public const string TitleKey = "title";

    /// <summary>The data key of the message dialog's one-time token.</summary>
    public const string TokenKey = "t";

    /// <summary>The data key of the name of who wrote the message an action came from.</summary>
    public const string ByKey = "by";

    /// <summary>The data key of a link to the message an action came from.</summary>
    public const string LinkKey = "link";

    /// <summary>The data key of the start of the message an action came from, quoted under the new action.</summary>
    public const string QuoteKey = "q";

    /// <summary>The input key of the step an action belongs to (1 to 9).</summary>
    public const string StepKey = "step";

    /// <summary>The data key of an action's number.</summary>
    public const string IdKey = "id";

    /// <summary>The input (and data) key of a due date.</summary>
    public const string DueKey = "due";

    /// <summary>The input key of a chosen owner.</summary>
    public const string OwnerKey = "owner";

    /// <summary>The owner choice's value for "Nobody yet" (every choice has a value some clients can send).</summary>
    public const string NobodyValue = "nobody";

    /// <summary>Close a change form and show the action again (data: id).</summary>
    public const string Cancel = "action.cancel";

    /// <summary>The member id picked in an owner choice, or null for "Nobody yet" (or nothing picked).</summary>
    public static string? PickedOwner(string? picked) =>
        string.IsNullOrEmpty(picked) || picked == NobodyValue ? null : picked;
}
