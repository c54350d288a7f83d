using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(CommunityPlanning.Bench.PlanDocumentBenchmarks).Assembly).Run(args);

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project bench/CommunityPlanning.Bench -- --filter '*'</c>.</summary>
public partial class Program;
