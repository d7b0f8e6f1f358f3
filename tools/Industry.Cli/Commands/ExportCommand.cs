using System.CommandLine;
using Industry.Cli.Gateway;

namespace Industry.Cli.Commands;

/// <summary>
/// <c>industry export WHAT [--filter F] [--year Y] [-o FILE]</c>: downloads a list or progress table as <c>.xlsx</c> or
/// <c>.csv</c> from the gateway's export endpoint (<c>GET /v1/exports/{WHAT}.{xlsx|csv}</c>, docs/spreadsheets.md),
/// streamed to the file under a progress bar.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(Func<string, string?> environment)
    {
        var what = new Argument<string>("WHAT") { Description = "What to export, e.g. projects, missing-reports, lagging-projects, enterprises, clusters, parks, transformations, plan-progress" };
        what.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (string.IsNullOrEmpty(value) || !value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                result.AddError("WHAT is a lower-case name such as projects or plan-progress.");
            }
        });
        var filter = new Option<string?>("--filter") { Description = "An AIP-160 filter, as the list call takes it, e.g. city_code = \"340100\"" };
        var year = new Option<int?>("--year") { Description = "The year of a progress table" };
        var format = new Option<string?>("--format") { Description = "xlsx or csv (default: from -o's extension, else xlsx)" };
        format.AcceptOnlyFromAmong("xlsx", "csv");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "The file to write (default WHAT.xlsx in the current folder)" };

        var command = new Command("export", "Download a list or table as a spreadsheet (导出表格)") { what, filter, year, format, output };
        command.SetAction(CliApplication.Action(environment, async (context, parse, cancellation) =>
        {
            var language = context.Language;
            var name = parse.GetValue(what)!;
            var file = parse.GetValue(output);
            var extension = parse.GetValue(format)
                ?? (file?.Extension.TrimStart('.').ToLowerInvariant() is "csv" or "xlsx" ? file.Extension.TrimStart('.').ToLowerInvariant() : "xlsx");
            var path = file?.FullName ?? Path.GetFullPath($"{name}.{extension}");
            var query = new List<string>();
            if (parse.GetValue(filter) is { Length: > 0 } text)
            {
                query.Add("filter=" + Uri.EscapeDataString(text));
            }

            if (parse.GetValue(year) is { } y)
            {
                query.Add($"year={y}");
            }

            using var gateway = context.SignedInGateway();
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/exports/{name}.{extension}" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty));
            using var response = await gateway.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);

            // A partial file is worse than none: write beside the target and move it into place when complete.
            var partial = path + ".part";
            var written = await Transfers.WithProgressAsync(context, language.Text($"export {name}", $"导出 {name}"), response.Content.Headers.ContentLength, async progressed =>
            {
                await using var body = new ProgressStream(await response.Content.ReadAsStreamAsync(cancellation), progressed);
                await using var target = File.Create(partial);
                await body.CopyToAsync(target, cancellation);
                return target.Length;
            });
            File.Move(partial, path, overwrite: true);

            if (context.Json)
            {
                CliContext.WriteJsonLine(new { file = path, bytes = written });
            }
            else
            {
                Console.Out.WriteLine(language.Text($"Wrote {path} ({Transfers.Size(written)}).", $"已写入 {path}（{Transfers.Size(written)}）。"));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
