using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;

namespace CommunityPlanning.Storage;

/// <summary>
/// A group's latest turns, kept on its version row (<see cref="TableGroupStore.VersionRowKey"/>) so that a
/// redelivered turn is recognised without a row of its own: one property a turn, named by a hash of the group and
/// the turn id (no person's id is stored), whose value is a sequence number and the nonce of the save that wrote it.
/// </summary>
/// <remarks>
/// A save adds its turn's property with a merge, so saves that cannot guard the version row (retries after a
/// conflict) still add rather than overwrite. A guarded save that would take the row past <see cref="PruneAbove"/>
/// marks rewrites it with the newest <see cref="Keep"/>: a redelivery is recognised for at least the group's next
/// 100 turns (Teams and Slack redeliver within minutes). The row's property limit (252) is never reached: only
/// saves after a conflict add without pruning, and they rewrite too once <see cref="ReplaceAbove"/> is reached.
/// </remarks>
internal sealed class TurnMarks
{
    /// <summary>How many marks a pruned row keeps.</summary>
    public const int Keep = 100;

    /// <summary>A guarded save past this many marks rewrites the row with the newest <see cref="Keep"/>.</summary>
    public const int PruneAbove = 150;

    /// <summary>Any save past this many marks rewrites the row (guarded by the ETag it was read with).</summary>
    public const int ReplaceAbove = 200;

    private const char NamePrefix = 'T';

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");

    private readonly ImmutableDictionary<string, Mark> _marks;
    private readonly long _lastSeq;

    private TurnMarks(ImmutableDictionary<string, Mark> marks, long lastSeq)
    {
        _marks = marks;
        _lastSeq = lastSeq;
    }

    /// <summary>No marks (a new group, or a row written before marks existed).</summary>
    public static TurnMarks Empty { get; } = new(ImmutableDictionary.Create<string, Mark>(StringComparer.Ordinal), 0);

    /// <summary>How many marks the row holds.</summary>
    public int Count => _marks.Count;

    /// <summary>The marks a version row holds.</summary>
    public static TurnMarks From(TableEntity versionRow)
    {
        ArgumentNullException.ThrowIfNull(versionRow);
        ImmutableDictionary<string, Mark>.Builder? marks = null;
        var lastSeq = 0L;
        foreach (var (name, value) in versionRow)
        {
            if (IsMarkName(name) && value is string text && Mark.TryParse(text, out var mark))
            {
                (marks ??= ImmutableDictionary.CreateBuilder<string, Mark>(StringComparer.Ordinal))[name] = mark;
                lastSeq = Math.Max(lastSeq, mark.Seq);
            }
        }

        return marks is null ? Empty : new TurnMarks(marks.ToImmutable(), lastSeq);
    }

    /// <summary>The property that marks <paramref name="turnId"/> in <paramref name="groupId"/>.</summary>
    public static string NameOf(string groupId, string turnId)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        ArgumentNullException.ThrowIfNull(turnId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{groupId.Length}:{groupId}|{turnId}"));
        return NamePrefix + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>True for a version row property that is a mark.</summary>
    public static bool IsMarkName(string name) =>
        name.Length == 33 && name[0] == NamePrefix && !name.AsSpan(1).ContainsAnyExcept(HexDigits);

    /// <summary>The nonce of the save that marked the turn, if it is marked.</summary>
    public bool TryFind(string name, out string nonce)
    {
        if (_marks.TryGetValue(name, out var mark))
        {
            nonce = mark.Nonce;
            return true;
        }

        nonce = string.Empty;
        return false;
    }

    /// <summary>The marks after adding one, and the value the new mark's property takes.</summary>
    public (TurnMarks After, string Value) With(string name, string nonce)
    {
        var mark = new Mark(_lastSeq + 1, nonce);
        return (new TurnMarks(_marks.SetItem(name, mark), mark.Seq), mark.ToString());
    }

    /// <summary>The newest <see cref="Keep"/> marks.</summary>
    public TurnMarks Pruned() => _marks.Count <= Keep ? this
        : new TurnMarks(_marks.OrderByDescending(m => m.Value.Seq).Take(Keep).ToImmutableDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal), _lastSeq);

    /// <summary>Writes every mark into a version row about to replace the stored one.</summary>
    public void WriteTo(TableEntity versionRow)
    {
        ArgumentNullException.ThrowIfNull(versionRow);
        foreach (var (name, mark) in _marks)
        {
            versionRow[name] = mark.ToString();
        }
    }

    private readonly record struct Mark(long Seq, string Nonce)
    {
        public override string ToString() => Seq.ToString(CultureInfo.InvariantCulture) + ":" + Nonce;

        public static bool TryParse(string text, out Mark mark)
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            {
                mark = new Mark(seq, text[(colon + 1)..]);
                return true;
            }

            mark = default;
            return false;
        }
    }
}
