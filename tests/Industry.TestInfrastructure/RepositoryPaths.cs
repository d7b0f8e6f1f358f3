namespace Industry.TestInfrastructure;

/// <summary>Finds the repository and the services' build output from a test assembly's folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The built entry assembly of a service, in the same configuration as the running tests
    /// (<c>services/cluster/bin/Release/net10.0/Industry.Cluster.dll</c>).
    /// </summary>
    public static string ServiceAssembly(string folder, string assemblyName)
    {
        var configuration = typeof(RepositoryPaths).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .Cast<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;
        var path = Path.Combine(Root, "services", folder, "bin", configuration, "net10.0", assemblyName + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is not built; build the solution (dotnet build Industry.slnx -c {configuration}) first.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Industry.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Industry.slnx not found above " + AppContext.BaseDirectory);
    }
}
