namespace Industry.Parks.Domain;

/// <summary>开发区类型: the type of development zone a park is. Numbers as in the proto.</summary>
public enum ParkType
{
    /// <summary>国家级经济技术开发区.</summary>
    NationalDevelopmentZone = 1,

    /// <summary>省级开发区.</summary>
    ProvincialDevelopmentZone = 2,

    /// <summary>国家级高新技术产业开发区.</summary>
    NationalHighTechZone = 3,

    /// <summary>省级高新技术产业开发区.</summary>
    ProvincialHighTechZone = 4,

    /// <summary>Another kind of industrial park (特色产业园区).</summary>
    Other = 5,
}
