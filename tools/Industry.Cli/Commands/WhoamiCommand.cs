using System.CommandLine;
using Industry.Reference.V1;
using Spectre.Console;
using Places = Industry.ServiceDefaults.Reference;

namespace Industry.Cli.Commands;

/// <summary>
/// <c>industry whoami</c>: the stored token's claims, confirmed by the gateway (a call with the token: an expired,
/// wrongly signed or revoked-key token is exit code 2), with the city's and county's names from ReferenceService.
/// </summary>
internal static class WhoamiCommand
{
    public static Command Create(Func<string, string?> environment)
    {
        var command = new Command("whoami", "Who the stored token says you are, checked by the gateway (当前登录身份)");
        command.SetAction(CliApplication.Action(environment, async (context, _, cancellation) =>
        {
            var language = context.Language;
            using var gateway = context.SignedInGateway();
            var claims = TokenClaims.From(TokenStore.Decode(context.Tokens.Require(language), language));

            // Every role may read a division, so this call fails only for the token itself (or an unreachable gateway).
            var province = await gateway.GetAsync<Industry.Reference.V1.Division>("/v1/divisions/" + Places.Divisions.Province.Code, cancellation);
            var city = claims.City is null ? null : await gateway.GetAsync<Industry.Reference.V1.Division>("/v1/divisions/" + claims.City, cancellation);
            var county = claims.County is null ? null : await gateway.GetAsync<Industry.Reference.V1.Division>("/v1/divisions/" + claims.County, cancellation);
            if (context.Json)
            {
                CliContext.WriteJsonLine(new
                {
                    claims.Subject,
                    claims.Role,
                    claims.City,
                    CityName = city?.DisplayName,
                    claims.County,
                    CountyName = county?.DisplayName,
                    claims.Expires,
                    Gateway = gateway.Address,
                });
                return ExitCodes.Ok;
            }

            var table = new Table().HideHeaders().AddColumns(string.Empty, string.Empty);
            table.AddRow(language.Text("subject", "用户"), Markup.Escape(claims.Subject));
            table.AddRow(language.Text("role", "角色"), Markup.Escape($"{RoleNames.Of(claims.Role, language)} ({claims.Role})"));
            table.AddRow(language.Text("scope", "范围"), Markup.Escape(Scope(province, city, county)));
            table.AddRow(language.Text("valid until", "有效期至"), $"{claims.Expires:yyyy-MM-dd HH:mm} UTC");
            table.AddRow(language.Text("gateway", "网关"), Markup.Escape($"{gateway.Address} ✓"));
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Scope(Division province, Division? city, Division? county) =>
        county is not null ? $"{county.DisplayName} ({county.Code})"
        : city is not null ? $"{city.DisplayName} ({city.Code})"
        : $"{province.DisplayName} ({province.Code})";
}
