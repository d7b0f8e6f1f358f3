using System.Collections.Frozen;
using Google.Protobuf.Reflection;
using Industry.Common.V1;
using Industry.ServiceDefaults.Resources;

namespace Industry.ServiceDefaults.Security;

/// <summary>
/// The access level of every RPC of the suite's own services (<c>industry.*</c>), as its contract declares it with
/// <c>option (industry.common.v1.access)</c>: the one table the services, the gateway and the tests read. Built from the
/// contracts assembly's descriptors, so a new service or method is covered the day its proto lands; a method that
/// declares no access makes the table, and so every process, refuse to start.
/// </summary>
public sealed class MethodPermissions
{
    private readonly FrozenDictionary<string, Access> _byPath;

    private MethodPermissions(FrozenDictionary<string, Access> byPath) => _byPath = byPath;

    /// <summary>Every method of every suite service in the contracts assembly.</summary>
    public static MethodPermissions Suite { get; } = For(SuiteServices());

    /// <summary>Keyed by the canonical gRPC path, <c>/industry.projects.v1.ProjectService/GetProject</c>.</summary>
    public IReadOnlyDictionary<string, Access> ByPath => _byPath;

    /// <summary>The access <paramref name="path"/> needs, or <see langword="null"/> when it is not exactly a suite method's path.</summary>
    public Access? Find(string path) => _byPath.TryGetValue(path, out var access) ? access : null;

    /// <summary>The canonical gRPC path of <paramref name="method"/>: what clients send as <c>:path</c>.</summary>
    public static string PathOf(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";

    /// <summary>The table for <paramref name="services"/>; throws when a method declares no access.</summary>
    public static MethodPermissions For(IEnumerable<ServiceDescriptor> services)
    {
        var byPath = new Dictionary<string, Access>(StringComparer.Ordinal);
        var undeclared = new List<string>();
        foreach (var method in services.SelectMany(s => s.Methods))
        {
            var access = Declared(method);
            if (access == Access.Unspecified)
            {
                undeclared.Add(PathOf(method));
            }

            byPath[PathOf(method)] = access;
        }

        return undeclared.Count == 0
            ? new MethodPermissions(byPath.ToFrozenDictionary(StringComparer.Ordinal))
            : throw new InvalidOperationException(
                $"These methods declare no option (industry.common.v1.access): {string.Join(", ", undeclared)}.");
    }

    /// <summary>The access level <paramref name="method"/>'s proto declares (<see cref="Access.Unspecified"/> when none).</summary>
    public static Access Declared(MethodDescriptor method) =>
        method.GetOptions()?.GetExtension(AccessExtensions.Access) ?? Access.Unspecified;

    /// <summary>The services of the suite's contracts (<see cref="SuiteContracts"/>).</summary>
    public static IReadOnlyList<ServiceDescriptor> SuiteServices() =>
        [.. SuiteContracts.Files.SelectMany(f => f.Services).OrderBy(s => s.FullName, StringComparer.Ordinal)];
}
