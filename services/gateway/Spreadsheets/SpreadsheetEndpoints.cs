using Grpc.Core;
using Industry.Gateway.Spreadsheets.Exports;
using Industry.Gateway.Spreadsheets.Imports;

namespace Industry.Gateway.Spreadsheets;

/// <summary>
/// 表格导入导出: spreadsheets in and out over plain HTTP on the gateway (docs/spreadsheets.md, ADR 0039), for clerks'
/// browsers and the <c>industry</c> command line. Each endpoint calls the services with the caller's token.
/// </summary>
internal static class SpreadsheetEndpoints
{
    public static WebApplicationBuilder AddSpreadsheets(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ExportTables>();
        builder.Services.AddScoped<ISheetImport, ProjectImport>();
        builder.Services.AddScoped<ISheetImport, InvestmentReportImport>();
        return builder;
    }

    public static WebApplication MapSpreadsheets(this WebApplication app)
    {
        app.MapGet("/v1/exports/{what}.{format}", ExportAsync);
        app.MapImports();
        return app;
    }

    private static async Task ExportAsync(HttpContext context, string what, string format, ExportTables tables)
    {
        if (await SpreadsheetErrors.CallerAndFormatAsync(context, format) is not { } sheetFormat)
        {
            return;
        }

        if (!tables.All.TryGetValue(what, out var table))
        {
            await SpreadsheetErrors.InvalidArgument(context, "what", $"'{what}' is not an export; one of: {string.Join(", ", tables.All.Keys)}.");
            return;
        }

        SheetRows rows;
        try
        {
            rows = await table.OpenAsync(ExportQuery.From(context.Request.Query), context.RequestAborted);
        }
        catch (RpcException ex)
        {
            await SpreadsheetErrors.WriteAsync(context, ex);
            return;
        }

        await using (rows)
        {
            ImportEndpoints.PrepareFile(context, sheetFormat, what);
            try
            {
                await rows.WriteAsync(context.Response.Body, sheetFormat, context.RequestAborted);
            }
            catch (RpcException)
            {
                // A later page failed after the first rows were sent: break the download rather than end a short file
                // that would look complete.
                context.Abort();
            }
        }
    }
}
