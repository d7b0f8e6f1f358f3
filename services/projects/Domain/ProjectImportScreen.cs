namespace Industry.Projects.Domain;

/// <summary>
/// 批量导入: the rules of one <c>ImportProjects</c> call (the monthly scheduling sheets, 月度调度表) that need no
/// storage. Every row is checked with <see cref="ProjectRules"/>, exactly as CreateProject and UpdateProject check a
/// project, plus the row's own rules: a positive row number, and a project code that appears once per call (a sheet
/// with the same project twice is ambiguous, so the later row fails and the first stands). One instance per call.
/// </summary>
public sealed class ProjectImportScreen
{
    /// <summary>
    /// Rows one call may carry: all projects of a national-scale programme (50,000) in one sheet. The row after it
    /// fails the call with RESOURCE_EXHAUSTED; the bound keeps the per-call state (codes seen, failures) small.
    /// </summary>
    public const int MaxRowsPerCall = 50_000;

    /// <summary>
    /// Failures listed in the response (every failure is counted): at most 1,000 rows × ~4 KB of violations, far
    /// inside the 16 MiB response cap, and more than anyone fixes from one answer.
    /// </summary>
    public const int MaxFailuresListed = 1_000;

    /// <summary>
    /// Rows written per transaction: one look-up query and one write round trip per batch keep the cost per row low,
    /// while a batch's locks and memory stay small.
    /// </summary>
    public const int BatchSize = 500;

    private readonly Dictionary<string, int> _firstRowOfCode = new(StringComparer.Ordinal);

    /// <summary>Rows received so far, including the one over the limit.</summary>
    public int RowCount { get; private set; }

    /// <summary>Counts a received row; false when it is beyond <see cref="MaxRowsPerCall"/>.</summary>
    public bool Admit() => ++RowCount <= MaxRowsPerCall;

    /// <summary>
    /// The row's failure, or null when it may be written. <paramref name="draft"/> is null when the row carried no
    /// project; <paramref name="mappingViolations"/> are problems found while reading it (a date that does not exist).
    /// </summary>
    public ImportRowFailure? Screen(int rowNumber, ProjectDraft? draft, IReadOnlyList<FieldViolation> mappingViolations)
    {
        var violations = new List<FieldViolation>(mappingViolations);
        if (rowNumber <= 0)
        {
            violations.Add(new FieldViolation("row_number", "must be the row's number in the sheet, from 1."));
        }

        if (draft is null)
        {
            violations.Add(new FieldViolation("project", "is required."));
            return ImportRowFailure.From(rowNumber, string.Empty, ServiceException.InvalidArgument(violations));
        }

        violations.AddRange(ProjectRules.Check(draft));
        if (draft.ProjectCode.Length > 0 && !_firstRowOfCode.TryAdd(draft.ProjectCode, rowNumber))
        {
            violations.Add(new FieldViolation("project.project_code",
                $"{draft.ProjectCode} is already in row {_firstRowOfCode[draft.ProjectCode]} of this import; each project may appear once."));
        }

        return violations.Count == 0
            ? null
            : ImportRowFailure.From(rowNumber, draft.ProjectCode, ServiceException.InvalidArgument(violations));
    }
}
