namespace Industry.Gateway.Spreadsheets.Imports;

/// <summary>
/// The answer to an import: the uploaded rows as they were, in the uploaded format, with the result column
/// (导入结果) first, where a clerk sees it before scrolling; sent back after a fix, the column is ignored.
/// </summary>
internal static class ResultSheet
{
    public static Task WriteAsync(Stream output, UploadedSheet sheet, ImportResults results, CancellationToken cancellation)
    {
        var headers = sheet.Headers().Where(h => CellValues.Header(h) != SheetLayout.ResultHeader).ToList();
        List<SheetColumn<(int Number, IDictionary<string, object?> Cells)>> columns =
        [
            new(SheetLayout.ResultHeader, CellKind.Text, 30, r => results.Of(r.Number)),
            .. headers.Select(h => new SheetColumn<(int Number, IDictionary<string, object?> Cells)>(h, CellKind.Text, Math.Clamp(h.Length * 2.2, 10, 40), r => r.Cells.TryGetValue(h, out var v) ? v : null)),
        ];
        return SheetWriter.WriteAsync(output, sheet.Format, columns, Rows(sheet, cancellation), cancellation);
    }

    private static async IAsyncEnumerable<(int Number, IDictionary<string, object?> Cells)> Rows(UploadedSheet sheet, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        await Task.Yield();
        foreach (var row in sheet.Rows())
        {
            cancellation.ThrowIfCancellationRequested();
            yield return row;
        }
    }
}
