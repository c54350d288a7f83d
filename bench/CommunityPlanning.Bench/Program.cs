using BenchmarkDotNet.Running;
using CommunityPlanning.Bench;

if (args is ["growth", ..])
{
    await GrowthCounts.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CommunityPlanning.Bench.PlanDocumentBenchmarks).Assembly).Run(args);

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project bench/CommunityPlanning.Bench -- --filter '*'</c>, or the
/// growth counts: <c>-- growth</c>.
/// </summary>
public partial class Program;
