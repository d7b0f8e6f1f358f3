namespace Industry.Parks.Domain;

/// <summary>A park's place in the demonstration-park certification. Numbers as in the proto.</summary>
public enum ParkState
{
    /// <summary>申报: application drafted, not yet submitted.</summary>
    Applied = 1,

    /// <summary>评审中: submitted, under review.</summary>
    UnderReview = 2,

    /// <summary>已认定: certified, with a year and batch.</summary>
    Certified = 3,

    /// <summary>撤销: certification revoked; final.</summary>
    Revoked = 4,

    /// <summary>未通过: rejected; may be submitted again.</summary>
    Rejected = 5,
}
