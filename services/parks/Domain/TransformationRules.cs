namespace Industry.Parks.Domain;

/// <summary>What a transformation's fields must satisfy before anything is stored, every field checked at once.</summary>
public static class TransformationRules
{
    public const int MaxNameLength = 200;
    public const int MaxNoteLength = 2000;

    /// <summary>
    /// The arguments of <c>RecordTransformation</c>: a valid USCC, a level, a year from 2000 to
    /// <paramref name="currentYear"/>, and descriptive fields within their lengths (the name is required only for a new
    /// record, which the caller checks once it knows).
    /// </summary>
    public static IReadOnlyList<FieldViolation> CheckRecord(string uscc, TransformationLevel? level, int year, string displayName, string note, int currentYear) => new Violations()
        .Add("enterprise_uscc", Uscc.Problem(uscc))
        .Add("level", level is not { } l || !Enum.IsDefined(l)
            ? "must be a transformation level (TRANSFORMATION_LEVEL_DIGITALLY_TRANSFORMED to TRANSFORMATION_LEVEL_DIGITAL_LEADER)." : null)
        .Add("year", ParkRules.YearProblem(year, currentYear))
        .AddRange(CheckDescription(displayName, note, required: false, prefix: string.Empty));

    /// <summary>The descriptive fields, as <c>UpdateTransformation</c> and a new record need them.</summary>
    public static IReadOnlyList<FieldViolation> CheckDescription(string displayName, string note, bool required, string prefix) => new Violations(prefix)
        .Add("enterprise_display_name", FieldText.Problem(displayName, MaxNameLength, required))
        .Add("note", FieldText.Problem(note, MaxNoteLength, required: false));
}
