using Google.Protobuf.Reflection;

namespace Industry.ServiceDefaults.Security;

/// <summary>
/// The permission each gRPC method of a service needs, declared once next to the service's endpoints. Reads
/// (<c>Get…</c>, <c>List…</c>) need <see cref="Access.Read"/> unless declared otherwise; every other method must be
/// declared, or the process refuses to start, so a new write method cannot be left open by omission.
/// </summary>
public sealed class MethodPermissions
{
    private readonly Dictionary<string, Access> _byMethod;

    private MethodPermissions(Dictionary<string, Access> byMethod) => _byMethod = byMethod;

    /// <summary>Keyed by the full method name, <c>industry.projects.v1.ProjectService/GetProject</c>.</summary>
    public IReadOnlyDictionary<string, Access> ByMethod => _byMethod;

    /// <param name="service">The service's descriptor (<c>ProjectService.Descriptor</c>).</param>
    /// <param name="declared">Method name → permission: every method that is not a plain read.</param>
    public static MethodPermissions For(ServiceDescriptor service, IReadOnlyDictionary<string, Access> declared)
    {
        var unknown = declared.Keys.Where(name => service.FindMethodByName(name) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"{service.FullName} has no methods {string.Join(", ", unknown)}.");
        }

        var byMethod = new Dictionary<string, Access>(StringComparer.Ordinal);
        foreach (var method in service.Methods)
        {
            byMethod[$"{service.FullName}/{method.Name}"] = declared.TryGetValue(method.Name, out var access)
                ? access
                : IsRead(method.Name)
                    ? Access.Read
                    : throw new InvalidOperationException($"{service.FullName}/{method.Name} declares no access level.");
        }

        return new MethodPermissions(byMethod);
    }

    /// <summary>A service whose every write needs <paramref name="access"/> (reads stay <see cref="Access.Read"/>).</summary>
    public static MethodPermissions WritesNeed(ServiceDescriptor service, Access access) =>
        For(service, service.Methods.Where(m => !IsRead(m.Name)).ToDictionary(m => m.Name, _ => access));

    private static bool IsRead(string method) => method.StartsWith("Get", StringComparison.Ordinal) || method.StartsWith("List", StringComparison.Ordinal);
}
