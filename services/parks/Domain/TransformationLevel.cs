namespace Industry.Parks.Domain;

/// <summary>Level of an enterprise's digital transformation, in increasing order. Numbers as in the proto.</summary>
public enum TransformationLevel
{
    /// <summary>完成数字化改造: digitally transformed.</summary>
    DigitallyTransformed = 1,

    /// <summary>数字化车间: recognised digital workshop.</summary>
    DigitalWorkshop = 2,

    /// <summary>智能工厂: recognised smart factory.</summary>
    SmartFactory = 3,

    /// <summary>数字领航企业: recognised digital leader enterprise.</summary>
    DigitalLeader = 4,
}

/// <summary>Where a transformation level comes from. Numbers as in the proto.</summary>
public enum TransformationSource
{
    /// <summary>Reported through the API (<c>RecordTransformation</c>).</summary>
    Reported = 1,

    /// <summary>From a completed digital-transformation renovation project in the park (a project event).</summary>
    Project = 2,
}

/// <summary>A level reached in a year, from a source (and the project, for <see cref="TransformationSource.Project"/>).</summary>
public sealed record LevelReached(TransformationLevel Level, int Year, TransformationSource Source, string Project = "");
