using System.Text;

namespace Industry.Gateway.Spreadsheets.Imports;

/// <summary>
/// The text encoding of an uploaded .csv: UTF-8 (with or without a byte-order mark), or GB18030, which is what Excel and
/// WPS on a Chinese Windows write when a clerk saves “CSV (逗号分隔)” (GBK and GB2312 are subsets of it). The part's
/// <c>charset</c> decides when the client names one; otherwise a file that is valid UTF-8 is read as UTF-8 and any other
/// as GB18030: Chinese text in GB18030 is not valid UTF-8 (its bytes from 0x81 follow no UTF-8 pattern for long), and
/// an ASCII-only file reads the same either way.
/// </summary>
internal static class CsvEncodings
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>GB18030 (code page 54936), from the runtime's code-pages provider (not registered globally: only the import reads it).</summary>
    public static Encoding Gb18030 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(54936)
        ?? throw new InvalidOperationException("The runtime has no GB18030 encoding.");

    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The encoding a part's <c>charset</c> names: null when it names none; false when it names one we do not read.</summary>
    public static bool TryFromCharset(string? charset, out Encoding? encoding)
    {
        var name = charset?.Trim().Trim('"').ToUpperInvariant() ?? string.Empty;
        encoding = name switch
        {
            "UTF-8" or "UTF8" => Utf8,
            "GB18030" or "GBK" or "GB2312" or "CP936" => Gb18030,
            _ => null,
        };
        return name.Length == 0 || encoding is not null;
    }

    /// <summary>UTF-8 when the whole stream is valid UTF-8, else GB18030.</summary>
    public static Encoding Detect(Stream stream)
    {
        using var reader = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 81920, leaveOpen: true);
        var buffer = new char[81920];
        try
        {
            while (reader.Read(buffer, 0, buffer.Length) > 0)
            {
            }

            return Utf8;
        }
        catch (DecoderFallbackException)
        {
            return Gb18030;
        }
    }
}
