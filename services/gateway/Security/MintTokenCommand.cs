using Industry.ServiceDefaults.Reference;
using Industry.ServiceDefaults.Security;

namespace Industry.Gateway.Security;

/// <summary>
/// <c>Industry.Gateway mint-token --role R [--city C] [--county C] [--subject S] [--lifetime 8h]</c>: prints a token signed with the
/// development key of the configuration in force (appsettings.Development.json under <c>ASPNETCORE_ENVIRONMENT=Development</c>),
/// for local runs; the run script uses it to print a ready token. Refused where no development key is configured (Production).
/// </summary>
internal static class MintTokenCommand
{
    public const string Name = "mint-token";

    private const string Usage = "usage: Industry.Gateway mint-token --role viewer|county_editor|city_editor|province_admin [--city 340100] [--county 340104] [--subject name] [--lifetime 8h|30m|2d]";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>Writes the token to standard output; returns the process exit code.</summary>
    public static int Run(WebApplicationBuilder builder, string[] args)
    {
        var options = builder.Configuration.GetSection(SuiteAuthenticationOptions.Section).Get<SuiteAuthenticationOptions>() ?? new SuiteAuthenticationOptions();
        if (!builder.Environment.AcceptsDevelopmentKeys() || string.IsNullOrWhiteSpace(options.DevelopmentSigningKey))
        {
            Console.Error.WriteLine($"mint-token needs Authentication:DevelopmentSigningKey, which only {string.Join(", ", DevelopmentEnvironments.Names)} accept (environment: {builder.Environment.EnvironmentName}). Set ASPNETCORE_ENVIRONMENT=Development.");
            return 2;
        }

        var values = Options(args);
        if (values is null || !values.TryGetValue("role", out var role) || !Roles.All.Contains(role))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        values.TryGetValue("city", out var city);
        if (role == Roles.CityEditor && !Divisions.IsCity(city))
        {
            Console.Error.WriteLine("A city_editor needs --city with one of Anhui's 16 city codes, e.g. 340100 (Hefei).");
            return 2;
        }

        values.TryGetValue("county", out var county);
        if (role == Roles.CountyEditor && !Divisions.IsCounty(county))
        {
            Console.Error.WriteLine("A county_editor needs --county with one of Anhui's county codes, e.g. 340104 (Shushan, Hefei).");
            return 2;
        }

        if (DevelopmentTokens.ParseLifetime(values.GetValueOrDefault("lifetime", "8h")) is not { } lifetime)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var subject = values.GetValueOrDefault("subject", $"dev-{role}");
        Console.Out.WriteLine(DevelopmentTokens.Mint(options, subject, role, city, lifetime, countyCode: county));
        return 0;
    }

    private static Dictionary<string, string>? Options(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                return null;
            }

            values[args[i][2..]] = args[i + 1];
        }

        return values;
    }
}
