using Grpc.Core;
using Industry.Gateway.Proxy;
using Industry.ServiceDefaults.Security;
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

    public static WebApplication MapImports(this WebApplication app)
    {
        app.MapGet("/v1/imports/templates/{layout}.{format}", TemplateAsync);
        app.MapPost("/v1/imports/{layout}", ImportAsync);
        app.MapPost("/v1/imports", (HttpContext context, IEnumerable<ISheetImport> imports, IConfiguration configuration) => ImportAsync(context, null, imports, configuration));
        return app;
    }

    private static async Task TemplateAsync(HttpContext context, string layout, string format, IEnumerable<ISheetImport> imports)
    {
        if (await SpreadsheetErrors.CallerAndFormatAsync(context, format) is not { } sheetFormat)
        {
            return;
        }

        if (await FindAsync(context, imports, layout) is not { } import)
        {
            return;
        }

        var sheetLayout = import.Layout;
        PrepareFile(context, sheetFormat, $"{layout}-template");
        var columns = sheetLayout.Headers.Select(h => new SheetColumn<object>(h, CellKind.Text, Math.Clamp(h.Length * 2.5, 10, 30), _ => null)).ToList();
        await SheetWriter.WriteAsync(context.Response.Body, sheetFormat, columns, AsyncEnumerable.Empty<object>(), context.RequestAborted);
    }

    /// <summary>An import of <paramref name="layout"/>, or, without one, of the layout the file's headers show (<see cref="Recognize"/>).</summary>
    private static async Task ImportAsync(HttpContext context, string? layout, IEnumerable<ISheetImport> imports, IConfiguration configuration)
    {
        if (SpreadsheetErrors.RequireCaller(context) is { } refused)
        {
            await refused;
            return;
        }

        ISheetImport? import = null;
        if (layout is not null)
        {
            if ((import = await FindAsync(context, imports, layout)) is null)
            {
                return;
            }

            // Before the upload is read: a role that may not write these rows need not send the file.
            if (RefuseRole(context, import) is { } wrongRole)
            {
                await wrongRole;
                return;
            }
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

            if (import is null)
            {
                import = Recognize(imports, headers);
                if (RefuseRole(context, import) is { } wrongRole)
                {
                    await wrongRole;
                    return;
                }
            }

            var sheetLayout = import.Layout;
            if (sheetLayout.Missing(headers).ToList() is { Count: > 0 } missing)
            {
                await SpreadsheetErrors.InvalidArgument(context, "file", $"缺少列：{string.Join("、", missing)}（表头应在第 1 行）");
                return;
            }

            results.Warnings.AddRange(sheetLayout.Unknown(headers).Select(h => $"未知列“{h}”已忽略"));
            try
            {
                await import.ImportAsync(sheet, results, Caller.From(context.User), context.RequestAborted);
            }
            catch (RpcException ex)
            {
                await SpreadsheetErrors.WriteAsync(context, ex);
                return;
            }

            PrepareFile(context, sheet.Format, $"{sheetLayout.Name}-import-result");
            context.Response.Headers["X-Import-Layout"] = sheetLayout.Name;
            context.Response.Headers["X-Import-Summary"] = results.Summary();
            if (results.Warnings.Count > 0)
            {
                context.Response.Headers["X-Import-Warnings"] = Uri.EscapeDataString(string.Join("；", results.Warnings));
            }

            await ResultSheet.WriteAsync(context.Response.Body, sheet, results, context.RequestAborted);
        }
    }

    /// <summary>
    /// The layout of a file sent without one: the one of which the file has most columns (the first on a tie), so that a
    /// monthly table lacking a required column is answered with that column missing, not read as a project list (both
    /// have 项目代码).
    /// </summary>
    private static ISheetImport Recognize(IEnumerable<ISheetImport> imports, IReadOnlyList<string> headers)
    {
        var present = headers.Select(CellValues.Header).ToHashSet(StringComparer.Ordinal);
        return imports.MaxBy(i => i.Layout.Headers.Count(present.Contains))!;
    }

    /// <summary>
    /// PERMISSION_DENIED (<c>ROLE_NOT_PERMITTED</c>, as the gateway answers a gRPC call) when the caller's role may not
    /// call the method the import's rows go to, by its access declared in the contracts; null when it may.
    /// </summary>
    private static Task? RefuseRole(HttpContext context, ISheetImport import)
    {
        var caller = Caller.From(context.User);
        if (MethodPermissions.Suite.Find(import.Method) is not { } access || caller.Holds(access))
        {
            return null;
        }

        var refusal = AuthorizationInterceptor.RoleNotPermitted(import.Method, access, caller);
        return GatewayErrorResponse.WriteAsync(context, StatusCode.PermissionDenied, refusal.Reason, refusal.Message);
    }

    /// <summary>The import of <paramref name="layout"/>; null when it is none and the error has been answered.</summary>
    private static async Task<ISheetImport?> FindAsync(HttpContext context, IEnumerable<ISheetImport> imports, string layout)
    {
        var all = imports.ToList();
        if (all.Find(i => i.Layout.Name == layout) is { } import)
        {
            return import;
        }

        await SpreadsheetErrors.InvalidArgument(context, "layout", $"'{layout}' is not an import layout; one of: {string.Join(", ", all.Select(i => i.Layout.Name))}.");
        return null;
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
