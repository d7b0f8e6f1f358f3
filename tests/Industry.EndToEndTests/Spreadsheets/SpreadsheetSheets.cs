using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Industry.EndToEndTests.Spreadsheets;

/// <summary>Reading and making the sheets the spreadsheet tests send and receive, with the library the gateway uses (ADR 0039).</summary>
internal static partial class SpreadsheetSheets
{
    /// <summary>Every row of a sheet as header → text; numbers in invariant form, so .xlsx and .csv compare equal.</summary>
    public static List<Dictionary<string, string>> Read(byte[] file, ExcelType type)
    {
        var bom = type == ExcelType.CSV && file.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        using var stream = new MemoryStream(file, bom, file.Length - bom);
        return [.. stream.Query(useHeaderRow: true, excelType: type).Cast<IDictionary<string, object?>>()
            .Select(r => r.ToDictionary(c => c.Key, c => Text(c.Value), StringComparer.Ordinal))];
    }

    public static byte[] Make(IEnumerable<IDictionary<string, object?>> rows, ExcelType type)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: type);
        return stream.ToArray();
    }

    /// <summary>Every row of a CSV text, header row included, each field as written.</summary>
    public static List<List<string>> ReadCsvFields(string csv)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return [.. stream.Query(useHeaderRow: false, excelType: ExcelType.CSV).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString() ?? string.Empty).ToList())];
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string s when Decimal().IsMatch(s) => decimal.Parse(s, CultureInfo.InvariantCulture).ToString("0.####", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>A number with decimals as a .csv writes it (<c>1000.50</c>), which the .xlsx holds as the number 1000.5.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^-?[0-9]+\.[0-9]+\z")]
    private static partial System.Text.RegularExpressions.Regex Decimal();
}
