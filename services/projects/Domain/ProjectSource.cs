namespace Industry.Projects.Domain;

/// <summary>项目来源: where a project comes from. Numbers as in the proto; <see cref="Unspecified"/> is "not recorded".</summary>
public enum ProjectSource
{
    /// <summary>未记录: projects from before the source was kept, or entered without it.</summary>
    Unspecified = 0,

    /// <summary>招商引资: brought by investment attraction.</summary>
    InvestmentAttraction = 1,

    /// <summary>世界制造业大会: signed at the World Manufacturing Convention.</summary>
    WorldManufacturingConvention = 2,

    /// <summary>自主投资: the enterprise's own investment.</summary>
    OwnInvestment = 3,

    /// <summary>其他.</summary>
    Other = 4,
}
