using System.Reflection;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Storage;

/// <summary>
/// The record types storage knows, found once at start-up by their <see cref="GroupRecordAttribute"/>:
/// kind ↔ type.
/// </summary>
public sealed class RecordTypes
{
    private readonly Dictionary<string, Type> _byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _byType = [];

    /// <summary>Finds record types in the given assemblies.</summary>
    public RecordTypes(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes()))
        {
            if (type.GetCustomAttribute<GroupRecordAttribute>() is not { } attribute || !typeof(IGroupRecord).IsAssignableFrom(type))
            {
                continue;
            }

            if (!_byKind.TryAdd(attribute.Kind, type))
            {
                throw new InvalidOperationException($"Two record types use the kind '{attribute.Kind}': {_byKind[attribute.Kind].Name} and {type.Name}.");
            }

            _byType[type] = attribute.Kind;
        }
    }

    /// <summary>The record types of the Domain and Conversations assemblies.</summary>
    public static RecordTypes Default { get; } = new([typeof(IGroupRecord).Assembly, typeof(Conversations.Turns.Turn).Assembly]);

    /// <summary>Every registered record type.</summary>
    public IReadOnlyCollection<Type> All => _byKind.Values;

    /// <summary>The type for a kind, or null for a kind this version does not know.</summary>
    public Type? TypeOf(string kind) => _byKind.GetValueOrDefault(kind);

    /// <summary>The kind of a record type.</summary>
    public string KindOf(Type type) =>
        _byType.TryGetValue(type, out var kind) ? kind : throw new InvalidOperationException($"{type.Name} has no [GroupRecord] kind.");
}
