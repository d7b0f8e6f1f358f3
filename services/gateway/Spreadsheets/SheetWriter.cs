using System.Data;
using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.Csv;
using MiniExcelLibs.OpenXml;

namespace Industry.Gateway.Spreadsheets;

/// <summary>
/// Writes rows under their column definitions as .xlsx (header row frozen, column widths set, amounts as numbers in
/// 万元) or as UTF-8 .csv (with a byte-order mark, which Excel needs to read Chinese), one row at a time as the source
/// yields it: memory does not grow with the number of rows (ADR 0039).
/// </summary>
internal static class SheetWriter
{
    /// <summary>The .xlsx number formats; the .csv writes each value as LibreOffice shows the .xlsx cell with its format.</summary>
    private const string AmountFormat = "0.00##";
    private const string PercentFormat = "0.0";
    private const string CountFormat = "0";

    public static async Task WriteAsync<T>(Stream output, SheetFormat format, IReadOnlyList<SheetColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken cancellation)
    {
        await using var enumerator = rows.GetAsyncEnumerator(cancellation);
        var any = await enumerator.MoveNextAsync();
        var csv = format == SheetFormat.Csv;

        // Without rows the dictionaries would name no column: an empty table still has its header row.
        object values = any ? Cells(columns, enumerator, csv) : HeaderOnly(columns);
        if (csv)
        {
            // MiniExcel's CSV writer starts with the UTF-8 byte-order mark.
            await MiniExcel.SaveAsAsync(output, values, excelType: ExcelType.CSV, configuration: new CsvConfiguration(), cancellationToken: cancellation);
            return;
        }

        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            FreezeColumnCount = 0,
            TableStyles = TableStyles.None,
            DynamicColumns = [.. columns.Select((c, i) => new DynamicExcelColumn(c.Header) { Index = i, Width = c.Width, Format = NumberFormat(c.Kind) })],
        };
        await MiniExcel.SaveAsAsync(output, values, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: cancellation);
    }

    /// <summary>A value as the sheet shows it: an amount in yuan becomes 万元, a percentage is rounded once here so both formats agree.</summary>
    public static object? Cell(CellKind kind, object? value, bool csv)
    {
        object? cell = (kind, value) switch
        {
            (_, null) => null,
            (CellKind.Amount, long yuan) => yuan / 10_000m,
            (CellKind.Percent, double percent) => Math.Round((decimal)percent, 1, MidpointRounding.AwayFromZero),
            (CellKind.Count, int count) => (long)count,
            _ => value,
        };
        if (!csv || cell is null)
        {
            return cell;
        }

        return (kind, cell) switch
        {
            (CellKind.Amount, decimal wan) => wan.ToString(AmountFormat, CultureInfo.InvariantCulture),
            (CellKind.Percent, decimal percent) => percent.ToString(PercentFormat, CultureInfo.InvariantCulture),
            (_, IFormattable formattable) => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => cell.ToString(),
        };
    }

    private static string? NumberFormat(CellKind kind) => kind switch
    {
        CellKind.Amount => AmountFormat,
        CellKind.Percent => PercentFormat,
        CellKind.Count => CountFormat,
        _ => null,
    };

    private static DataTable HeaderOnly<T>(IReadOnlyList<SheetColumn<T>> columns)
    {
        var table = new DataTable();
        foreach (var column in columns)
        {
            table.Columns.Add(column.Header, typeof(string));
        }

        return table;
    }

    /// <summary>The rows from the current one of <paramref name="rows"/> (already moved to its first).</summary>
    private static async IAsyncEnumerable<IDictionary<string, object?>> Cells<T>(IReadOnlyList<SheetColumn<T>> columns, IAsyncEnumerator<T> rows, bool csv)
    {
        do
        {
            var row = rows.Current;
            var cells = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
            foreach (var column in columns)
            {
                cells[column.Header] = Cell(column.Kind, column.Value(row), csv);
            }

            yield return cells;
        }
        while (await rows.MoveNextAsync());
    }
}
