namespace Industry.Projects.Domain;

/// <summary>A row of an import that passed screening: its spreadsheet row number and a draft that satisfies <see cref="ProjectRules"/>.</summary>
public sealed record ImportRow(int RowNumber, ProjectDraft Draft);

/// <summary>What an import row did to the stored projects.</summary>
public enum ImportOutcome
{
    /// <summary>A new project code: a project was created (RESERVE).</summary>
    Created,

    /// <summary>A known code with different content: the project was revised (new version and etag).</summary>
    Updated,

    /// <summary>A known code with the stored content: nothing was written.</summary>
    Unchanged,

    /// <summary>The row was rejected; nothing of it was stored.</summary>
    Failed,
}

/// <summary>
/// A rejected import row, with what the same content would have failed with as a single call: the kind (→ canonical
/// code), a message, and field violations with paths relative to the row (<c>project.total_investment_yuan</c>).
/// </summary>
public sealed record ImportRowFailure(int RowNumber, string ProjectCode, ErrorKind Kind, string Message, IReadOnlyList<FieldViolation> FieldViolations)
{
    /// <summary>
    /// The row's failure as a single call would have failed; a precondition's subject (a field such as
    /// <c>project.cluster</c>) is listed as a field violation, since a row's failure has only those.
    /// </summary>
    public static ImportRowFailure From(int rowNumber, string projectCode, ServiceException exception) =>
        new(rowNumber, projectCode, exception.Kind, exception.Message,
            [.. exception.FieldViolations, .. exception.PreconditionViolations.Select(v => new FieldViolation(v.Subject, v.Description))]);
}

/// <summary>
/// An import row as received: its number, its draft (null when the row carried no project) and the problems met while
/// reading it (a date that does not exist), before screening.
/// </summary>
public sealed record ReceivedImportRow(int RowNumber, ProjectDraft? Draft, IReadOnlyList<FieldViolation> Violations);
