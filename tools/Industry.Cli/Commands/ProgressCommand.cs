using System.CommandLine;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Industry.Cli.Gateway;
using Industry.Cli.Texts;
using Industry.Overview.V1;
using Industry.Reference.V1;
using Spectre.Console;

namespace Industry.Cli.Commands;

/// <summary>
/// <c>industry progress [YEAR] [--month M]</c>: the province overview (OverviewService.GetProvinceOverview) as terminal
/// tables, city names and section states in Chinese from ReferenceService; with <c>--json</c> the overview as served.
/// </summary>
internal static class ProgressCommand
{
    private const string SectionStateEnum = "industry.overview.v1.SectionState";

    public static Command Create(Func<string, string?> environment)
    {
        var year = new Argument<int?>("YEAR") { Description = "The year (default: this year)", Arity = ArgumentArity.ZeroOrOne };
        var month = new Option<int?>("--month") { Description = "Figures through this month (1-12; default: the latest)" };
        month.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 12)
            {
                result.AddError("--month must be 1-12.");
            }
        });
        var command = new Command("progress", "The three programmes' progress as tables (三大工程进度)") { year, month };
        command.SetAction(CliApplication.Action(environment, async (context, parse, cancellation) =>
        {
            using var gateway = context.SignedInGateway();
            var path = $"/v1/provinceOverviews/{parse.GetValue(year) ?? DateTime.UtcNow.Year}";
            if (parse.GetValue(month) is { } through)
            {
                path += $"?throughMonth={through}";
            }

            var json = await gateway.GetStringAsync(path, cancellation);
            if (context.Json)
            {
                Console.Out.WriteLine(json);
                return ExitCodes.Ok;
            }

            var overview = Industry.ServiceDefaults.Messaging.Wire.ProtoJson.Parser.Parse<ProvinceOverview>(json);
            var cities = await CityNamesAsync(gateway, cancellation);
            var states = await StateLabelsAsync(gateway, context.Language, cancellation);
            Render(overview, cities, states, context.Language);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Render(ProvinceOverview overview, IReadOnlyDictionary<string, string> cities, IReadOnlyDictionary<SectionState, string> states, CliLanguage language)
    {
        var through = overview.ThroughMonth > 0 ? language.Text($" through month {overview.ThroughMonth}", $" 1-{overview.ThroughMonth} 月") : string.Empty;
        AnsiConsole.Write(new Rule(Markup.Escape(language.Text($"Anhui {overview.Year}{through}", $"安徽省 {overview.Year} 年{through}"))));
        Section(language.Text("Key projects (plan progress)", "重点项目（计划进度）"), overview.Projects?.State, overview.Projects?.Error, overview.Projects?.Progress,
            p => p.Cities, c => c.CityCode, ProgressTables.Plan, ProgressTables.PlanCities, cities, states, language);
        Section(language.Text("Industrial clusters", "产业集群"), overview.Clusters?.State, overview.Clusters?.Error, overview.Clusters?.Progress,
            p => p.Cities, c => c.CityCode, ProgressTables.Clusters, ProgressTables.ClusterCities, cities, states, language);
        Section(language.Text("Digital transformation", "数字化转型"), overview.Parks?.State, overview.Parks?.Error, overview.Parks?.Progress,
            p => p.Cities, c => c.CityCode, ProgressTables.Digital, ProgressTables.DigitalCities, cities, states, language);
    }

    private static void Section<TProgress, TCity>(
        string title,
        SectionState? state,
        Google.Rpc.Status? error,
        TProgress? progress,
        Func<TProgress, RepeatedField<TCity>> cityRows,
        Func<TCity, string> cityCode,
        IReadOnlyList<Figure<TProgress>> figures,
        IReadOnlyList<Figure<TCity>> cityFigures,
        IReadOnlyDictionary<string, string> cities,
        IReadOnlyDictionary<SectionState, string> states,
        CliLanguage language)
        where TProgress : class, IMessage
    {
        if (state != SectionState.Available || progress is null)
        {
            var label = states.GetValueOrDefault(state ?? SectionState.Unspecified, (state ?? SectionState.Unspecified).ToString());
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(title)}[/]: [yellow]{Markup.Escape(label)}[/] {Markup.Escape(error?.Message ?? string.Empty)}");
            return;
        }

        var totals = new Table { Title = new TableTitle(title) }.AddColumn(language.Text("Figure", "指标")).AddColumn(new TableColumn(language.Text("Value", "数值")).RightAligned());
        foreach (var figure in figures)
        {
            totals.AddRow(Markup.Escape(figure.Label(language)), Markup.Escape(figure.Cell(progress)));
        }

        AnsiConsole.Write(totals);
        var rows = cityRows(progress);
        if (rows.Count == 0)
        {
            return;
        }

        var byCity = new Table().AddColumn(language.Text("City", "城市"));
        foreach (var figure in cityFigures)
        {
            byCity.AddColumn(new TableColumn(Markup.Escape(figure.Label(language))).RightAligned());
        }

        foreach (var row in rows)
        {
            var code = cityCode(row);
            byCity.AddRow([Markup.Escape(cities.TryGetValue(code, out var name) ? $"{name} {code}" : code), .. cityFigures.Select(f => Markup.Escape(f.Cell(row)))]);
        }

        AnsiConsole.Write(byCity);
    }

    private static async Task<IReadOnlyDictionary<string, string>> CityNamesAsync(GatewayClient gateway, CancellationToken cancellation)
    {
        var page = await gateway.GetAsync<ListDivisionsResponse>("/v1/divisions?level=DIVISION_LEVEL_CITY&pageSize=100", cancellation);
        return page.Divisions.ToDictionary(d => d.Code, d => d.DisplayName, StringComparer.Ordinal);
    }

    private static async Task<IReadOnlyDictionary<SectionState, string>> StateLabelsAsync(GatewayClient gateway, CliLanguage language, CancellationToken cancellation)
    {
        var page = await gateway.GetAsync<ListEnumLabelsResponse>($"/v1/enumLabels?enumType={SectionStateEnum}&pageSize=100", cancellation);
        return page.Labels.ToDictionary(l => (SectionState)l.Number, l => language.Text(l.EnglishName, l.DisplayName));
    }
}
