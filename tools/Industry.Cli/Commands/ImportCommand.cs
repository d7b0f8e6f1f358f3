using System.CommandLine;
using System.Net.Http.Headers;
using Industry.Cli.Gateway;

namespace Industry.Cli.Commands;

/// <summary>
/// <c>industry import FILE [--layout projects|investment-reports] [-o RESULT]</c>: uploads a department spreadsheet
/// (<c>.xlsx</c> or <c>.csv</c>) to <c>POST /v1/imports/{layout}</c>, or without <c>--layout</c> to <c>POST /v1/imports</c>,
/// where the gateway tells the layout from the headers (multipart, docs/spreadsheets.md), under a progress bar, and saves the
/// answer: the same rows with a result column, so the clerk fixes the red rows and sends it again. The counts are
/// printed, and a file with a refused row ends with <see cref="ExitCodes.InvalidInput"/>, so a script notices it.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(Func<string, string?> environment)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The .xlsx or .csv file" };
        file.AcceptExistingOnly();
        // The layouts the gateway imports (docs/spreadsheets.md); without one, the gateway recognizes it by the headers.
        var layout = new Option<string?>("--layout") { Description = "projects (项目清单) or investment-reports (月度调度表); default: recognized by the gateway from the headers" };
        layout.AcceptOnlyFromAmong("projects", "investment-reports");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write the result sheet (default FILE.result.xlsx / .csv beside FILE)" };

        var command = new Command("import", "Upload a spreadsheet; the answer is the same sheet with a result per row (导入表格)") { file, layout, output };
        command.SetAction(CliApplication.Action(environment, async (context, parse, cancellation) =>
        {
            var language = context.Language;
            var source = parse.GetValue(file)!;
            var extension = source.Extension.ToLowerInvariant();
            if (extension is not (".xlsx" or ".csv"))
            {
                throw new CliException(ExitCodes.InvalidInput, language.Text($"{source.Name} is neither .xlsx nor .csv.", $"{source.Name} 不是 .xlsx 或 .csv 文件。"), "UNSUPPORTED_FILE_TYPE");
            }

            var result = parse.GetValue(output)?.FullName ?? Path.Combine(source.DirectoryName ?? ".", Path.GetFileNameWithoutExtension(source.Name) + ".result" + extension);
            using var gateway = context.SignedInGateway();
            var summary = ImportSummary.Empty;
            var imported = parse.GetValue(layout);
            var written = await Transfers.WithProgressAsync(context, language.Text($"import {source.Name}", $"导入 {source.Name}"), source.Length, async progressed =>
            {
                await using var upload = new ProgressStream(source.OpenRead(), progressed);
                using var part = new StreamContent(upload);
                part.Headers.ContentType = new MediaTypeHeaderValue(extension == ".csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                using var form = new MultipartFormDataContent { { part, "file", source.Name } };
                using var request = new HttpRequestMessage(HttpMethod.Post, imported is null ? "/v1/imports" : $"/v1/imports/{imported}") { Content = form };
                using var response = await gateway.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
                summary = ImportSummary.Parse(response.Headers.TryGetValues("X-Import-Summary", out var values) ? values.FirstOrDefault() : null);
                imported = response.Headers.TryGetValues("X-Import-Layout", out var layouts) ? layouts.FirstOrDefault() : imported;
                var partial = result + ".part";
                await using (var target = File.Create(partial))
                {
                    await response.Content.CopyToAsync(target, cancellation);
                }

                File.Move(partial, result, overwrite: true);
                return new FileInfo(result).Length;
            });

            if (context.Json)
            {
                CliContext.WriteJsonLine(new { file = source.FullName, layout = imported, result, bytes = written, created = summary.Created, updated = summary.Updated, unchanged = summary.Unchanged, failed = summary.Failed });
            }
            else
            {
                Console.Out.WriteLine(language.Text(
                    $"Imported {source.Name} ({imported}): {summary.Created} created, {summary.Updated} updated, {summary.Unchanged} unchanged, {summary.Failed} refused; the result per row is in {result}.",
                    $"已导入 {source.Name}（{imported}）：新增 {summary.Created}，更新 {summary.Updated}，未变 {summary.Unchanged}，错误 {summary.Failed}；每行的处理结果见 {result}。"));
            }

            return summary.Failed > 0 ? ExitCodes.InvalidInput : ExitCodes.Ok;
        }));
        return command;
    }
}
