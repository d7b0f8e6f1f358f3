using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace Industry.Gateway.Spreadsheets.Imports;

/// <summary>
/// <c>POST /v1/imports/{layout}</c> (multipart, one .xlsx or .csv file) and <c>GET /v1/imports/templates/{layout}.{format}</c>
/// (docs/spreadsheets.md). The answer to an import is the result sheet, even when every row failed; the request fails as a
/// whole only when it is no readable sheet, lacks a required column, or the caller may not import at all.
/// </summary>
internal static class ImportEndpoints
{
    /// <summary>Default of <c>Spreadsheets:MaxUploadBytes</c>: a 50,000-row project sheet is about 5 MB as .xlsx, 10 MB as .csv.</summary>
    public const long DefaultMaxUploadBytes = 32 * 1024 * 1024;

    private static readonly IReadOnlyDictionary<string, SheetLayout> Layouts = new Dictionary<string, SheetLayout>(StringComparer.Ordinal)
    {
        [ProjectRows.Layout.Name] = ProjectRows.Layout,
    };

    public static WebApplication MapImports(this WebApplication app)
    {
        app.MapGet("/v1/imports/templates/{layout}.{format}", TemplateAsync);
        app.MapPost("/v1/imports/{layout}", ImportAsync);
        return app;
    }

    private static async Task TemplateAsync(HttpContext context, string layout, string format)
    {
        if (await SpreadsheetErrors.CallerAndFormatAsync(context, format) is not { } sheetFormat)
        {
            return;
        }

        if (!Layouts.TryGetValue(layout, out var sheetLayout))
        {
            await SpreadsheetErrors.InvalidArgument(context, "layout", $"'{layout}' is not an import layout; one of: {string.Join(", ", Layouts.Keys)}.");
            return;
        }

        PrepareFile(context, sheetFormat, $"{layout}-template");
        var columns = sheetLayout.Headers.Select(h => new SheetColumn<object>(h, CellKind.Text, Math.Clamp(h.Length * 2.5, 10, 30), _ => null)).ToList();
        await SheetWriter.WriteAsync(context.Response.Body, sheetFormat, columns, AsyncEnumerable.Empty<object>(), context.RequestAborted);
    }

    private static async Task ImportAsync(HttpContext context, string layout, ProjectImport projects, IConfiguration configuration)
    {
        if (SpreadsheetErrors.RequireCaller(context) is { } refused)
        {
            await refused;
            return;
        }

        if (!Layouts.TryGetValue(layout, out var sheetLayout))
        {
            await SpreadsheetErrors.InvalidArgument(context, "layout", $"'{layout}' is not an import layout; one of: {string.Join(", ", Layouts.Keys)}.");
            return;
        }

        var maxBytes = configuration.GetValue("Spreadsheets:MaxUploadBytes", DefaultMaxUploadBytes);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes;
        }

        UploadedSheet? sheet;
        try
        {
            (sheet, var problem) = await UploadedSheet.ReceiveAsync(context.Request, context.RequestAborted);
            if (sheet is null)
            {
                await SpreadsheetErrors.InvalidArgument(context, "file", problem!);
                return;
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await SpreadsheetErrors.WriteAsync(context, StatusCode.ResourceExhausted, StatusCodes.Status413PayloadTooLarge, $"上传的文件超过 {maxBytes / (1024 * 1024)} MB 上限，请分成几个文件导入");
            return;
        }

        using (sheet)
        {
            var results = new ImportResults();
            IReadOnlyList<string> headers;
            try
            {
                headers = sheet.Headers();
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or FormatException)
            {
                await SpreadsheetErrors.InvalidArgument(context, "file", $"“{sheet.FileName}”不是可读的 {sheet.Format.Extension()} 文件");
                return;
            }

            if (sheetLayout.Missing(headers).ToList() is { Count: > 0 } missing)
            {
                await SpreadsheetErrors.InvalidArgument(context, "file", $"缺少列：{string.Join("、", missing)}（表头应在第 1 行）");
                return;
            }

            results.Warnings.AddRange(sheetLayout.Unknown(headers).Select(h => $"未知列“{h}”已忽略"));
            try
            {
                await projects.ImportAsync(sheet, results, context.RequestAborted);
            }
            catch (RpcException ex)
            {
                await SpreadsheetErrors.WriteAsync(context, ex);
                return;
            }

            PrepareFile(context, sheet.Format, $"{layout}-import-result");
            context.Response.Headers["X-Import-Summary"] = results.Summary();
            if (results.Warnings.Count > 0)
            {
                context.Response.Headers["X-Import-Warnings"] = Uri.EscapeDataString(string.Join("；", results.Warnings));
            }

            await ResultSheet.WriteAsync(context.Response.Body, sheet, results, context.RequestAborted);
        }
    }

    /// <summary>The headers of a file answer; the .xlsx package's last part (the zip's directory) is written synchronously when the archive closes.</summary>
    public static void PrepareFile(HttpContext context, SheetFormat format, string name)
    {
        context.Response.ContentType = format.ContentType();
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.{format.Extension()}\"";
        if (context.Features.Get<IHttpBodyControlFeature>() is { } body)
        {
            body.AllowSynchronousIO = true;
        }
    }
}
