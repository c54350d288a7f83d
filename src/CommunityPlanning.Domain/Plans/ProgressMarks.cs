using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Domain.Plans;

/// <summary>
/// The marks of the nine steps, in order: all that the progress picture depends on. <see cref="Code"/> writes
/// them as nine letters (<c>d</c> done, <c>c</c> current, <c>t</c> to do), which names the picture in its link
/// and keys its cache.
/// </summary>
public sealed record ProgressMarks
{
    private ProgressMarks(IReadOnlyList<StepMark> marks, string code)
    {
        Marks = marks;
        Code = code;
    }

    /// <summary>One mark a step, steps 1 to 9 in order.</summary>
    public IReadOnlyList<StepMark> Marks { get; }

    /// <summary>The marks as nine letters, e.g. <c>ddcdttttt</c>.</summary>
    public string Code { get; }

    /// <summary>The marks for a plan's progress: a complete step is done; the current one, if not complete, is current.</summary>
    public static ProgressMarks From(IReadOnlyList<StepProgress> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count != StepCatalogue.All.Count)
        {
            throw new ArgumentException($"Progress has {StepCatalogue.All.Count} steps.", nameof(steps));
        }

        return Of(steps.Select(s => s.Status == StepStatus.Complete ? StepMark.Done : s.IsCurrent ? StepMark.Current : StepMark.ToDo).ToList());
    }

    /// <summary>Reads <see cref="Code"/> back: nine letters <c>d</c>, <c>c</c> or <c>t</c>, with at most one <c>c</c>.</summary>
    public static bool TryParse(string? code, out ProgressMarks marks)
    {
        marks = null!;
        if (code is null || code.Length != StepCatalogue.All.Count || code.Count(c => c == 'c') > 1)
        {
            return false;
        }

        var list = new List<StepMark>(code.Length);
        foreach (var c in code)
        {
            switch (c)
            {
                case 'd': list.Add(StepMark.Done); break;
                case 'c': list.Add(StepMark.Current); break;
                case 't': list.Add(StepMark.ToDo); break;
                default: return false;
            }
        }

        marks = Of(list);
        return true;
    }

    /// <summary>The steps with a mark, by number.</summary>
    public IReadOnlyList<int> StepsMarked(StepMark mark) =>
        Marks.Select((m, i) => (m, i)).Where(x => x.m == mark).Select(x => x.i + 1).ToList();

    private static ProgressMarks Of(IReadOnlyList<StepMark> marks) =>
        new(marks, string.Concat(marks.Select(m => m switch { StepMark.Done => 'd', StepMark.Current => 'c', _ => 't' })));
}
