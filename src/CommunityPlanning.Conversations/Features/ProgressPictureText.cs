using System.Globalization;
using CommunityPlanning.Domain;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Features;

/// <summary>The progress picture in words: its alt text, read out by screen readers in place of the picture.</summary>
public static class ProgressPictureText
{
    /// <summary>
    /// E.g. "Picture of the nine steps in four stages: Launch (steps 1 to 3), Evidence (step 4), Agree (steps 5 to 7),
    /// Deliver (steps 8 and 9). Done: steps 1 to 3. Now: step 4. To do: steps 5 to 9."
    /// </summary>
    public static string AltText(ProgressMarks marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var stages = string.Join(", ", Enum.GetValues<Stage>().Select(stage =>
            $"{stage} ({Steps(StepCatalogue.All.Where(s => s.Stage == stage).Select(s => s.Number).ToList())})"));
        var parts = new List<string> { $"Picture of the nine steps in four stages: {stages}." };
        foreach (var (mark, word) in new[] { (StepMark.Done, "Done"), (StepMark.Current, "Now"), (StepMark.ToDo, "To do") })
        {
            if (marks.StepsMarked(mark) is { Count: > 0 } steps)
            {
                parts.Add($"{word}: {Steps(steps)}.");
            }
        }

        return string.Join(" ", parts);
    }

    // "step 4", "steps 8 and 9", "steps 1 to 3", "steps 1, 2 and 5 to 7".
    private static string Steps(IReadOnlyList<int> numbers)
    {
        var runs = new List<string>();
        for (var i = 0; i < numbers.Count;)
        {
            var j = i;
            while (j + 1 < numbers.Count && numbers[j + 1] == numbers[j] + 1)
            {
                j++;
            }

            runs.Add(j - i >= 2 ? $"{Number(numbers[i])} to {Number(numbers[j])}"
                : j == i ? Number(numbers[i])
                : $"{Number(numbers[i])}, {Number(numbers[j])}");
            i = j + 1;
        }

        var items = runs.SelectMany(r => r.Split(", ")).ToList();
        var text = items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";
        return (numbers.Count == 1 ? "step " : "steps ") + text;
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
