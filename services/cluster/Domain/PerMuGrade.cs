namespace Industry.Clusters.Domain;

/// <summary>亩均效益评价等级: the grade of a per-mu evaluation, A the best. Numbers as in the proto.</summary>
public enum PerMuGrade
{
    /// <summary>A类: 优先发展.</summary>
    A = 1,

    /// <summary>B类: 支持发展.</summary>
    B = 2,

    /// <summary>C类: 提升发展.</summary>
    C = 3,

    /// <summary>D类: 整治提升.</summary>
    D = 4,
}
