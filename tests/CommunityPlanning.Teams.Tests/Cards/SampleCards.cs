using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Teams.Tests.Cards;

/// <summary>Neutral cards shaped like the ones the bot makes, built here so the goldens only move when rendering does.</summary>
internal static class SampleCards
{
    public const string Group = "grp-7f3a";

    public static Dictionary<string, string> Data(params (string Key, string Value)[] pairs)
    {
        var data = new Dictionary<string, string> { ["g"] = Group };
        foreach (var (key, value) in pairs)
        {
            data[key] = value;
        }

        return data;
    }

    public static Card Help() => new()
    {
        Title = "What I can do",
        Blocks =
        [
            new TextBlock("I help Little Wittering's steering group work through its plan, step by step."),
            new FactsBlock(
            [
                new Fact("help", "Show this list."),
                new Fact("start", "Start your group's plan."),
                new Fact("progress", "See where the plan stands across Launch, Evidence, Agree, Deliver."),
                new Fact("checklist 4", "Show step 4's checklist, to tick off together."),
            ]),
            new TextBlock("In a channel, start your message with @ and my name. In a chat with me, just type.", TextTone.Subtle),
        ],
        Actions = [new CardAction("Show progress", "progress.show", Data())],
    };

    public static Card StartFormWithError() => new()
    {
        Title = "Start your plan",
        Subtitle = "Tell me two things and I'll set up your plan. You can change them later.",
        Blocks =
        [
            new InputBlock(new InputField("communityName", "Which village, parish or town is the plan for?", FieldType.Text)
            {
                Required = true,
                MaxLength = 80,
                Help = "For example: Little Wittering",
                Error = "Please tell me the name of your village, parish or town.",
            }),
            new InputBlock(new InputField("planType", "What kind of plan are you making?", FieldType.Choice)
            {
                Required = true,
                Value = "clp",
                Choices =
                [
                    new InputChoice("clp", "Community Led Plan"),
                    new InputChoice("parish", "Parish Plan"),
                    new InputChoice("neighbourhood", "Neighbourhood Plan"),
                ],
                Help = "Not sure? Choose Community Led Plan. Talk to your local adviser before choosing a Neighbourhood Plan.",
            }),
        ],
        Actions = [new CardAction("Start our plan", "plan.create", Data()) { Style = ActionStyle.Positive, SubmitsInputs = true }],
    };

    public static Card Checklist() => new()
    {
        Title = "Step 4: Understanding your community",
        Subtitle = "Checklist · 1 of 3 done",
        Shared = true,
        Blocks =
        [
            new TextBlock("Tap an item to tick it, or tap again to untick. Everyone in the group sees the same list.", TextTone.Subtle),
            new ChecklistBlock(
                "checklist.set",
                Data(("step", "4")),
                [
                    new ChecklistEntry("survey", "Agree how you will survey households", true, "Ticked by Sam O'Neill, Fri 14 Mar 2025"),
                    new ChecklistEntry("events", "Plan at least one consultation event", false),
                    new ChecklistEntry("young", "Reach young people and harder-to-hear groups", false, "Ask the school first"),
                ]),
        ],
        Actions = [new CardAction("Show progress", "progress.show", Data())],
    };

    public static Card EveryInput() => new()
    {
        Title = "Consultation event",
        Blocks =
        [
            new TextBlock("Event details", TextTone.Heading),
            new InputBlock(new InputField("name", "Event name", FieldType.Text) { Required = true, MaxLength = 100, Placeholder = "e.g. Village hall drop-in", Value = "Spring drop-in" }),
            new InputBlock(new InputField("notes", "Notes", FieldType.MultilineText) { MaxLength = 2000, Help = "Anything the group should know." }),
            new InputBlock(new InputField("attendees", "How many came?", FieldType.Number) { Min = 0, Max = 5000, Value = "42" }),
            new InputBlock(new InputField("date", "Date", FieldType.Date) { Required = true, Value = "2025-03-14" }),
            new InputBlock(new InputField("format", "Format", FieldType.Choice)
            {
                Placeholder = "Choose a format",
                Choices = [new InputChoice("dropin", "Drop-in"), new InputChoice("workshop", "Workshop")],
            }),
            new InputBlock(new InputField("groups", "Who did it reach?", FieldType.MultiChoice)
            {
                Required = true,
                Value = "families,older",
                Choices = [new InputChoice("families", "Families"), new InputChoice("older", "Older people"), new InputChoice("young", "Young people")],
            }),
            new InputBlock(new InputField("published", "Results published", FieldType.Toggle) { Value = "true" }),
        ],
        Actions = [new CardAction("Save", "form.save", Data(("step", "4"), ("form", "event"))) { Style = ActionStyle.Positive, SubmitsInputs = true }],
    };

    public static Card EveryActionStyle() => new()
    {
        Title = "Close step 3?",
        Blocks =
        [
            new TextBlock("Two checklist items are still open.", TextTone.Warning),
            new TextBlock("The survey is done.", TextTone.Good),
        ],
        Actions =
        [
            new CardAction("Complete step", "step.complete", Data(("step", "3"))) { Style = ActionStyle.Positive },
            new CardAction("Show checklist", "checklist.show", Data(("step", "3"))),
            new CardAction("Reopen step", "step.reopen", Data(("step", "3"))) { Style = ActionStyle.Destructive },
        ],
    };

    public static IEnumerable<(string Name, Card Card)> All()
    {
        yield return ("help", Help());
        yield return ("start-form-error", StartFormWithError());
        yield return ("checklist", Checklist());
        yield return ("every-input", EveryInput());
        yield return ("action-styles", EveryActionStyle());
    }
}
