using System.Reflection;
using Google.Protobuf.Reflection;
using Industry.Common.V1;

namespace Industry.ServiceDefaults.Resources;

/// <summary>
/// The proto files of the suite's own contracts (package <c>industry.*</c>), found through the generated
/// <c>*Reflection.Descriptor</c> of each file in the contracts assembly rather than a hand list, so that whatever is
/// built from them (the access table, the enum labels) covers a new proto the day it lands.
/// </summary>
public static class SuiteContracts
{
    /// <summary>The contracts' package prefix: the suite's own, as opposed to google's and health checks'.</summary>
    public const string PackagePrefix = "industry.";

    public static IReadOnlyList<FileDescriptor> Files { get; } =
    [
        .. typeof(AccessReflection).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .Select(p => (FileDescriptor)p!.GetValue(null)!)
            .Where(f => f.Package.StartsWith(PackagePrefix, StringComparison.Ordinal))
            .OrderBy(f => f.Name, StringComparer.Ordinal),
    ];

    /// <summary>Every enum of the contracts, nested ones included, by full name.</summary>
    public static IReadOnlyList<EnumDescriptor> Enums { get; } =
    [
        .. Files.SelectMany(f => f.EnumTypes.Concat(f.MessageTypes.SelectMany(NestedEnums)))
            .OrderBy(e => e.FullName, StringComparer.Ordinal),
    ];

    private static IEnumerable<EnumDescriptor> NestedEnums(MessageDescriptor message) =>
        message.EnumTypes.Concat(message.NestedTypes.SelectMany(NestedEnums));
}
