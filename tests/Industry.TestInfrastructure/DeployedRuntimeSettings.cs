namespace Industry.TestInfrastructure;

/// <summary>
/// The .NET runtime settings (<c>DOTNET_*</c>: the garbage collector's mode and budget) a service is deployed with, read
/// from the Kubernetes base configuration (<c>deploy/k8s/base/config/industry.env</c> and <c>&lt;service&gt;.env</c>),
/// so that a process a test or a benchmark starts spends memory as the deployed one does. Application settings there
/// (connection strings, addresses) are not copied: each test sets its own.
/// </summary>
public static class DeployedRuntimeSettings
{
    private const string Prefix = "DOTNET_";

    /// <summary>The runtime lines of the shared configuration and of <paramref name="service"/>'s, the latter winning.</summary>
    public static IReadOnlyDictionary<string, string> For(string service)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in new[] { "industry.env", service + ".env" })
        {
            var path = Path.Combine(RepositoryPaths.Root, "deploy", "k8s", "base", "config", file);
            if (!File.Exists(path))
            {
                continue;
            }

            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith(Prefix, StringComparison.Ordinal) && line.Split('=', 2) is [var key, var value])
                {
                    settings[key] = value;
                }
            }
        }

        return settings;
    }

    /// <summary>The service a built entry assembly belongs to: the folder under <c>services/</c> it was built in.</summary>
    public static string ServiceOf(string dll)
    {
        var parts = Path.GetFullPath(dll).Split(Path.DirectorySeparatorChar);
        var services = Array.LastIndexOf(parts, "services");
        return services >= 0 && services + 1 < parts.Length ? parts[services + 1] : string.Empty;
    }
}
