using System.CommandLine;
using System.Reflection;
using System.Text.Json;
using Industry.ServiceDefaults.Reference;
using Industry.ServiceDefaults.Security;

namespace Industry.Cli.Commands;

/// <summary>
/// <c>industry login --dev [--role R] [--city C] [--county C]</c> mints a development token locally (as
/// scripts/dev-token.sh does); <c>industry login --token T</c> stores one issued by the identity provider.
/// </summary>
internal static class LoginCommand
{
    public const string DevKeyVariable = "INDUSTRY_DEV_SIGNING_KEY";

    public static Command Create(Func<string, string?> environment)
    {
        var dev = new Option<bool>("--dev") { Description = "Mint a development token locally (accepted by Development and test processes only)" };
        var token = new Option<string?>("--token") { Description = "A token from the identity provider; '-' reads it from standard input" };
        var role = new Option<string>("--role") { Description = "With --dev: the role", DefaultValueFactory = _ => Roles.ProvinceAdmin };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var city = new Option<string?>("--city") { Description = "With --dev: the city code of a city_editor, e.g. 340100" };
        var county = new Option<string?>("--county") { Description = "With --dev: the county code of a county_editor, e.g. 340104" };
        var subject = new Option<string?>("--subject") { Description = "With --dev: who acts (default dev-<role>)" };
        var lifetime = new Option<string>("--lifetime") { Description = "With --dev: 8h, 30m, 2d", DefaultValueFactory = _ => "8h" };
        var devKey = new Option<string?>("--dev-key") { Description = $"With --dev: the base64 signing key; default ${DevKeyVariable}, else the gateway's appsettings.Development.json" };

        var command = new Command("login", "Store a token for the next commands (登录并保存令牌)") { dev, token, role, city, county, subject, lifetime, devKey };
        command.Validators.Add(result =>
        {
            if (result.GetValue(dev) == (result.GetResult(token) is not null))
            {
                result.AddError("Give exactly one of --dev and --token.");
            }
        });

        command.SetAction(CliApplication.Action(environment, (context, parse, cancellation) =>
        {
            var language = context.Language;
            string issued;
            if (parse.GetValue(dev))
            {
                var chosen = parse.GetValue(role)!;
                var life = DevelopmentTokens.ParseLifetime(parse.GetValue(lifetime)!) ?? throw Usage(language.Text(
                    "--lifetime must be a positive whole number with s, m, h or d, e.g. 8h.", "--lifetime 须为正整数加 s、m、h 或 d，例如 8h。"));
                if (chosen == Roles.CityEditor && !Divisions.IsCity(parse.GetValue(city)))
                {
                    throw Usage(language.Text("A city_editor needs --city with one of Anhui's 16 city codes, e.g. 340100 (Hefei).", "市级编辑须用 --city 指定安徽省 16 个市之一的代码，例如 340100（合肥市）。"));
                }

                if (chosen == Roles.CountyEditor && !Divisions.IsCounty(parse.GetValue(county)))
                {
                    throw Usage(language.Text("A county_editor needs --county with one of Anhui's county codes, e.g. 340104 (Shushan, Hefei).", "区县填报员须用 --county 指定安徽省的区县代码，例如 340104（合肥市蜀山区）。"));
                }

                var options = new SuiteAuthenticationOptions { DevelopmentSigningKey = parse.GetValue(devKey) ?? environment(DevKeyVariable) ?? EmbeddedDevelopmentKey() };
                try
                {
                    issued = DevelopmentTokens.Mint(
                        options,
                        parse.GetValue(subject) ?? $"dev-{chosen}",
                        chosen,
                        chosen == Roles.CityEditor ? parse.GetValue(city) : null,
                        life,
                        countyCode: chosen == Roles.CountyEditor ? parse.GetValue(county) : null);
                }
                catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
                {
                    throw new CliException(ExitCodes.Usage, language.Text($"The development key is not a base64 key of at least 32 bytes: {e.Message}", $"开发密钥不是至少 32 字节的 base64 密钥：{e.Message}"), "BAD_DEVELOPMENT_KEY");
                }
            }
            else
            {
                var given = parse.GetValue(token)!;
                issued = (given == "-" ? Console.In.ReadToEnd() : given).Trim();
                try
                {
                    _ = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(issued); // refuse to store what is no token at all
                }
                catch (ArgumentException)
                {
                    throw new CliException(ExitCodes.InvalidInput, language.Text("--token is not a JSON Web Token (three base64url parts separated by dots).", "--token 不是 JWT（以点分隔的三段 base64url）。"), "TOKEN_MALFORMED");
                }
            }

            var path = context.Tokens.Save(issued);
            var claims = TokenClaims.From(TokenStore.Decode(issued, language));
            if (context.Json)
            {
                CliContext.WriteJsonLine(new { stored = path, claims.Subject, claims.Role, claims.City, claims.County, claims.Expires });
            }
            else
            {
                Console.Out.WriteLine(language.Text(
                    $"Signed in as {claims.Subject} ({claims.Role}), valid until {claims.Expires:yyyy-MM-dd HH:mm} UTC; token stored in {path}.",
                    $"已登录：{claims.Subject}（{RoleNames.Of(claims.Role, language)}），有效期至 {claims.Expires:yyyy-MM-dd HH:mm} UTC；令牌已保存到 {path}。"));
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static CliException Usage(string message) => new(ExitCodes.Usage, message, "BAD_LOGIN_OPTION");

    /// <summary>The public development key of appsettings.Development.json, compiled in (ADR 0040).</summary>
    private static string EmbeddedDevelopmentKey()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Industry.Cli.appsettings.Development.json")
            ?? throw new InvalidOperationException("The embedded development settings are missing.");
        using var json = JsonDocument.Parse(stream);
        return json.RootElement.GetProperty(SuiteAuthenticationOptions.Section).GetProperty(nameof(SuiteAuthenticationOptions.DevelopmentSigningKey)).GetString()!;
    }
}
