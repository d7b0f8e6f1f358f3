using System.Globalization;

namespace Industry.Gateway.Spreadsheets.Imports;

/// <summary>
/// What each row of an import did, in the words of the result column (导入结果), and the counts of the summary.
/// Rows may be answered from several calls at once (the monthly table's rows go to the service concurrently).
/// </summary>
internal sealed class ImportResults
{
    public const string Created = "新增";
    public const string Updated = "更新";
    public const string Unchanged = "未变";
    public const string ErrorPrefix = "错误：";

    private readonly Dictionary<int, string> _byRow = [];
    private readonly Lock _lock = new();

    public int CreatedCount { get; private set; }

    public int UpdatedCount { get; private set; }

    public int UnchangedCount { get; private set; }

    public int FailedCount { get; private set; }

    public List<string> Warnings { get; } = [];

    public void Set(int row, string result)
    {
        lock (_lock)
        {
            Record(row, result);
        }
    }

    public void Fail(int row, string problem) => Set(row, ErrorPrefix + problem);

    /// <summary>The row's result; empty for a blank row, which is not imported.</summary>
    public string Of(int row)
    {
        lock (_lock)
        {
            return _byRow.TryGetValue(row, out var result) ? result : string.Empty;
        }
    }

    /// <summary>The counts as the <c>X-Import-Summary</c> header gives them (ASCII, for scripts).</summary>
    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"created={CreatedCount}; updated={UpdatedCount}; unchanged={UnchangedCount}; failed={FailedCount}");

    private void Record(int row, string result)
    {
        _byRow[row] = result;
        switch (result)
        {
            case Created:
                CreatedCount++;
                break;
            case Updated:
                UpdatedCount++;
                break;
            case Unchanged:
                UnchangedCount++;
                break;
            default:
                FailedCount++;
                break;
        }
    }
}
