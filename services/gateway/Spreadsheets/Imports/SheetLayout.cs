namespace Industry.Gateway.Spreadsheets.Imports;

/// <summary>
/// An import's layout: the headers it reads (the template's, in order), those a file must have, those it knows
/// and skips silently (an export's read-only figures, the result column of an earlier answer sent back), and how many
/// rows one file may hold (later rows are answered with that reason).
/// </summary>
internal sealed record SheetLayout(string Name, IReadOnlyList<string> Headers, IReadOnlyList<string> Required, IReadOnlySet<string> Ignored, int MaxRows)
{
    /// <summary>The result column of an import's answer (导入结果): ignored when the answer is sent again after a fix.</summary>
    public const string ResultHeader = "导入结果";

    /// <summary>Headers of the file that the layout neither reads nor knows: each is ignored with a warning.</summary>
    public IEnumerable<string> Unknown(IEnumerable<string> fileHeaders) =>
        fileHeaders.Where(h => h.Length > 0 && !Headers.Contains(CellValues.Header(h)) && !Ignored.Contains(CellValues.Header(h)) && CellValues.Header(h) != ResultHeader);

    public IEnumerable<string> Missing(IEnumerable<string> fileHeaders)
    {
        var present = fileHeaders.Select(CellValues.Header).ToHashSet(StringComparer.Ordinal);
        return Required.Where(r => !present.Contains(r));
    }
}

/// <summary>One row of an uploaded sheet: its number as the sheet shows it, and its cells by normalized header.</summary>
internal sealed class SheetRow(int number, IReadOnlyDictionary<string, object?> cells)
{
    public int Number => number;

    public object? Value(string header) => cells.TryGetValue(header, out var value) ? value : null;

    public string Text(string header) => CellValues.Text(Value(header));

    public bool IsBlank => cells.Values.All(v => CellValues.Text(v).Length == 0);
}
