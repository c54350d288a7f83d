using BenchmarkDotNet.Attributes;
using CommunityPlanning.Bot.Plans;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Drafting;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Bench;

/// <summary>
/// The plan document for a large plan, as <c>GET /plans/{group}/plan.docx</c> builds it once the group is loaded:
/// 300 actions with every plan field set, every section at its longest (3,000 characters, a third of it in lists),
/// and 60 issues. One operation is the document model from the state plus the Word file (and, separately, the CSV).
/// </summary>
[MemoryDiagnoser]
public class PlanDocumentBenchmarks
{
    private static readonly DateTimeOffset At = new(2025, 3, 14, 10, 0, 0, TimeSpan.Zero);
    private GroupState _state = null!;

    [GlobalSetup]
    public void Setup()
    {
        var pat = new MemberRef("u-pat", "Pat");
        _state = new GroupState("g-bench");
        _state.Load(new PlanRecord("Little Wittering", PlanType.CommunityLedPlan, 6, pat, At), "v");
        _state.Load(new MemberRecord(pat, MemberRole.Chair, At), "v");
        for (var i = 0; i < 60; i++)
        {
            _state.Load(new FormRow(4, "issues", $"i{i:00}", new Dictionary<string, string> { ["issue"] = $"Issue {i}: " + new string('i', 120), ["theme"] = "transport", ["support"] = "50" }, pat, At), "v");
        }

        for (var i = 1; i <= 300; i++)
        {
            _state.Load(ActionItem.Create(i, $"Action {i}: " + new string('a', 180), 5, pat, At) with
            {
                Owner = pat,
                Due = new DateOnly(2026, 1, 1).AddDays(i),
                Plan = new ActionPlanFields
                {
                    Theme = "transport", Issue = "Speeding " + new string('s', 150), LeadType = "partnership", Partners = "County highways, police " + new string('p', 200),
                    Timescale = "medium", Cost = 1250m * i, Funding = "Parish precept and grants", Priority = "high", Measure = "Fewer cars over 30 mph " + new string('m', 200),
                },
            }, "v");
        }

        foreach (var section in PlanSections.All)
        {
            var lines = Enumerable.Range(0, 40).Select(n => (n % 3 == 0 ? "• " : string.Empty) + $"Line {n}: " + new string('w', 88));
            _state.Load(new PlanSectionRecord(section.Id, string.Join('\n', lines)[..PlanSections.MaxTextLength], PlanSectionStatus.Draft, pat, At), "v");
        }
    }

    [Benchmark]
    public int PlanDocx300Actions() => PlanDocx.Write(PlanDocumentModel.From(_state, At)!).Length;

    [Benchmark]
    public int ActionsCsv300Actions() => ActionsCsv.Write(ActionPlanTable.Rows(_state)).Length;
}
