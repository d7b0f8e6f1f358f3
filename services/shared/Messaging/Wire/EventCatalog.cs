using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Industry.Common.V1;

namespace Industry.ServiceDefaults.Messaging.Wire;

/// <summary>
/// Every event of the contracts: a message whose field 1 is <c>industry.common.v1.EventMetadata metadata</c>. Each
/// gets a pinned exchange name derived from its proto name, never from a .NET type name:
/// <c>industry.projects.v1.ProjectStateChanged</c> → <c>industry.projects.v1.project-state-changed</c>
/// (docs/events.md, ADR 0010). Renaming a C# type or namespace cannot move an exchange; renaming a proto message is
/// a breaking change that <c>buf breaking</c> rejects.
/// </summary>
public static class EventCatalog
{
    private static readonly FrozenDictionary<Type, EventType> ByClrType = Discover().ToFrozenDictionary(e => e.ClrType);

    private static readonly FrozenDictionary<string, EventType> ByName = ByClrType.Values.ToFrozenDictionary(e => e.FullName, StringComparer.Ordinal);

    public static IReadOnlyCollection<EventType> All => ByClrType.Values;

    public static EventType For(Type clrType) =>
        ByClrType.TryGetValue(clrType, out var type) ? type : throw new ArgumentException($"{clrType} is not an event of the contracts.", nameof(clrType));

    public static EventType For<T>()
        where T : IMessage<T> => For(typeof(T));

    public static EventType? Find(string fullName) => ByName.GetValueOrDefault(fullName);

    public static bool IsEvent(Type clrType) => ByClrType.ContainsKey(clrType);

    /// <summary><c>ProjectStateChanged</c> → <c>project-state-changed</c>.</summary>
    internal static string Kebab(string name)
    {
        var result = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                result.Append('-');
            }

            result.Append(char.ToLowerInvariant(name[i]));
        }

        return result.ToString();
    }

    private static IEnumerable<EventType> Discover()
    {
        var contracts = typeof(EventMetadata).Assembly;
        foreach (var type in contracts.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t)))
        {
            if (type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is not MessageDescriptor descriptor)
            {
                continue;
            }

            var first = descriptor.FindFieldByNumber(1);
            if (first is { Name: "metadata", FieldType: FieldType.Message } && first.MessageType.FullName == EventMetadata.Descriptor.FullName)
            {
                yield return new EventType(type, descriptor);
            }
        }
    }
}

/// <summary>One event message and its pinned names.</summary>
public sealed record EventType(Type ClrType, MessageDescriptor Descriptor)
{
    /// <summary>The proto full name, also the CloudEvents <c>type</c>: <c>industry.projects.v1.ProjectCreated</c>.</summary>
    public string FullName => Descriptor.FullName;

    /// <summary>The fanout exchange the event is published to: <c>industry.projects.v1.project-created</c>.</summary>
    public string ExchangeName => Descriptor.File.Package + "." + EventCatalog.Kebab(Descriptor.Name);

    /// <summary>
    /// A <c>…Snapshot</c> event (<c>RepublishState</c>, ADR 0042): the state of its subject at its version, raised on
    /// request rather than by a change, which a consumer holding that version or a later one ignores.
    /// </summary>
    public bool IsSnapshot { get; } = Descriptor.Name.EndsWith("Snapshot", StringComparison.Ordinal);
}
