namespace Industry.Gateway.Spreadsheets;

/// <summary>The two spreadsheet formats the gateway reads and writes.</summary>
internal enum SheetFormat
{
    Xlsx,
    Csv,
}

internal static class SheetFormats
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>The format named by a file extension (<c>xlsx</c>, <c>csv</c>, any case, with or without the dot); null for any other.</summary>
    public static SheetFormat? FromExtension(string? extension) => extension?.TrimStart('.').ToLowerInvariant() switch
    {
        "xlsx" => SheetFormat.Xlsx,
        "csv" => SheetFormat.Csv,
        _ => null,
    };

    public static string ContentType(this SheetFormat format) => format == SheetFormat.Xlsx ? XlsxContentType : CsvContentType;

    public static string Extension(this SheetFormat format) => format == SheetFormat.Xlsx ? "xlsx" : "csv";
}
