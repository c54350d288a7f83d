using CommunityPlanning.Domain.Steps.Content;

namespace CommunityPlanning.Domain.Steps;

/// <summary>ACRE's nine steps as data, built once.</summary>
public static class StepCatalogue
{
    /// <summary>The first and last step numbers.</summary>
    public const int First = 1, Last = 9;

    /// <summary>All nine steps in order.</summary>
    public static IReadOnlyList<StepDefinition> All { get; } =
    [
        Step1GettingStarted.Definition,
        Step2SteeringGroup.Definition,
        Step3TakingStock.Definition,
        Step4UnderstandingCommunity.Definition,
        Step5Prioritising.Definition,
        Step6Drafting.Definition,
        Step7Finalising.Definition,
        Step8Implementing.Definition,
        Step9Reviewing.Definition,
    ];

    /// <summary>A step by number (1–9).</summary>
    public static StepDefinition Get(int number) =>
        IsValid(number) ? All[number - 1] : throw new ArgumentOutOfRangeException(nameof(number), number, "Steps run from 1 to 9.");

    /// <summary>True for 1 to 9.</summary>
    public static bool IsValid(int number) => number is >= First and <= Last;
}
