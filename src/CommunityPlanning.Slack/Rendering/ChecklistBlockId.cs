using System.Globalization;

namespace CommunityPlanning.Slack.Rendering;

/// <summary>
/// A checklist's block_id: the part number (a long list is split over several blocks) and the
/// checklist's data as compact JSON, at most 255 characters. The action_id carries the verb.
/// </summary>
internal static class ChecklistBlockId
{
    public static string Encode(IReadOnlyDictionary<string, string> data, int part)
    {
        var id = $"{part.ToString(CultureInfo.InvariantCulture)}|{DataJson.Encode(data)}";
        return id.Length <= BlockKitLimits.BlockId
            ? id
            : throw new InvalidOperationException($"A checklist's data is {id.Length} characters in a Slack block_id; the limit is {BlockKitLimits.BlockId}.");
    }

    public static Dictionary<string, string>? TryDecode(string? blockId)
    {
        var bar = blockId?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        return bar < 0 ? null : DataJson.TryDecode(blockId![(bar + 1)..]);
    }
}
