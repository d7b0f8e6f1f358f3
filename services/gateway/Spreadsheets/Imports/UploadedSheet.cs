using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using MiniExcelLibs;
using MiniExcelLibs.Csv;

namespace Industry.Gateway.Spreadsheets.Imports;

/// <summary>
/// An uploaded spreadsheet, copied from the multipart request to a temporary file as it arrives, then read row by row
/// (twice: once to import, once to answer with the results). The copy is what keeps memory flat: an .xlsx is a zip whose
/// directory comes last, so it cannot be read from the request stream in one pass, and the answer needs the rows again
/// after the service has judged them all. The file is deleted when the upload is disposed.
/// </summary>
internal sealed class UploadedSheet : IDisposable
{
    private readonly string _path;

    private UploadedSheet(string path, SheetFormat format, string fileName)
    {
        _path = path;
        Format = format;
        FileName = fileName;
    }

    /// <summary>A .csv's text encoding (<see cref="CsvEncodings"/>): UTF-8 or GB18030; UTF-8 for an .xlsx, which does not say.</summary>
    public Encoding Encoding { get; private set; } = CsvEncodings.Utf8;

    public SheetFormat Format { get; }

    public string FileName { get; }

    /// <summary>The file part of a multipart request, or the problem with the request (in Chinese, for the 400 answer).</summary>
    public static async Task<(UploadedSheet? Sheet, string? Problem)> ReceiveAsync(HttpRequest request, CancellationToken cancellation)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return (null, "请以 multipart/form-data 上传一个 .xlsx 或 .csv 文件");
        }

        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(cancellation) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
            {
                continue;
            }

            var fileName = (disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value) ?? string.Empty;
            if (SheetFormats.FromExtension(Path.GetExtension(fileName)) is not { } format)
            {
                return (null, $"文件“{fileName}”不是 .xlsx 或 .csv 文件");
            }

            var charset = MediaTypeHeaderValue.TryParse(section.ContentType, out var partType) ? partType.Charset.Value : null;
            if (!CsvEncodings.TryFromCharset(charset, out var named))
            {
                return (null, $"不支持字符集“{charset}”：请以 UTF-8 或 GB18030 上传 .csv 文件");
            }

            var path = Path.Combine(Path.GetTempPath(), $"industry-import-{Guid.NewGuid():N}.{format.Extension()}");
            var sheet = new UploadedSheet(path, format, fileName);
            try
            {
                await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
                {
                    await section.Body.CopyToAsync(file, cancellation);
                }

                if (format == SheetFormat.Csv)
                {
                    await using var written = File.OpenRead(path);
                    sheet.Encoding = named ?? CsvEncodings.Detect(written);
                }

                return (sheet, null);
            }
            catch
            {
                sheet.Dispose();
                throw;
            }
        }

        return (null, "请求中没有文件（multipart 的 file 部分）");
    }

    /// <summary>The header row, as the file spells it.</summary>
    public IReadOnlyList<string> Headers()
    {
        using var stream = File.OpenRead(_path);
        var first = stream.Query(useHeaderRow: false, excelType: ExcelType, configuration: Configuration).Cast<IDictionary<string, object?>>().FirstOrDefault();
        return first is null ? [] : [.. first.Values.Select(CellValues.Text)];
    }

    /// <summary>Every row after the header, with its number in the sheet (the header is row 1), cells by header as the file spells it.</summary>
    public IEnumerable<(int Number, IDictionary<string, object?> Cells)> Rows()
    {
        using var stream = File.OpenRead(_path);
        var number = 1;
        foreach (IDictionary<string, object?> cells in stream.Query(useHeaderRow: true, excelType: ExcelType, configuration: Configuration))
        {
            yield return (++number, cells);
        }
    }

    /// <summary>
    /// The rows an import reads: cells by normalized header (<see cref="CellValues.Header"/>), blank rows skipped (their
    /// result stays empty), and the rows after the layout's <see cref="SheetLayout.MaxRows"/> answered with that reason.
    /// </summary>
    public IEnumerable<SheetRow> LayoutRows(SheetLayout layout, ImportResults results)
    {
        var read = 0;
        foreach (var (number, cells) in Rows())
        {
            var row = new SheetRow(number, cells.ToDictionary(c => CellValues.Header(c.Key), c => c.Value, StringComparer.Ordinal));
            if (row.IsBlank)
            {
                continue;
            }

            if (++read > layout.MaxRows)
            {
                results.Fail(number, $"超过单次导入上限 {layout.MaxRows:N0} 行，请将其余行另存为一个文件再导入");
                continue;
            }

            yield return row;
        }
    }

    public void Dispose() => File.Delete(_path);

    private ExcelType ExcelType => Format == SheetFormat.Xlsx ? ExcelType.XLSX : ExcelType.CSV;

    /// <summary>A .csv in its encoding, a UTF-8 byte-order mark (which Excel writes, and our exports) dropped rather than read into the first header.</summary>
    private MiniExcelLibs.IConfiguration? Configuration => Format == SheetFormat.Csv
        ? new CsvConfiguration { StreamReaderFunc = stream => new StreamReader(stream, Encoding, detectEncodingFromByteOrderMarks: true) }
        : null;
}
