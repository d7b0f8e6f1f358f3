namespace Industry.Projects.Domain;

/// <summary>审核状态: where an investment report stands in its city's review; only <see cref="Approved"/> reports count.</summary>
public enum ReviewState
{
    /// <summary>Entered (or corrected) by a county editor, waiting for its city.</summary>
    Submitted = 1,

    /// <summary>Approved by the city, or entered by a city editor or province admin.</summary>
    Approved = 2,

    /// <summary>Returned to the county with a reason, to be corrected.</summary>
    Returned = 3,
}
