namespace Industry.Gateway.Spreadsheets;

/// <summary>What a column holds, which fixes how both formats show it (and so that LibreOffice's CSV of the .xlsx equals the .csv).</summary>
internal enum CellKind
{
    /// <summary>Text as it is (codes stay text: a project code is not a number).</summary>
    Text,

    /// <summary>An amount given in yuan, shown in 万元 with two to four decimals (exact: 1 yuan is 0.0001 万元).</summary>
    Amount,

    /// <summary>A whole number.</summary>
    Count,

    /// <summary>A percentage or ratio, shown with one decimal.</summary>
    Percent,
}

/// <summary>One column of an exported table: its Chinese header, its width in characters, and how a row gives its value.</summary>
internal sealed record SheetColumn<T>(string Header, CellKind Kind, double Width, Func<T, object?> Value);
