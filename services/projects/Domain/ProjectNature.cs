namespace Industry.Projects.Domain;

/// <summary>建设性质: what the project builds.</summary>
public enum ProjectNature
{
    /// <summary>新建.</summary>
    NewBuild = 1,

    /// <summary>扩建.</summary>
    Expansion = 2,

    /// <summary>改建 / 技术改造.</summary>
    Renovation = 3,

    /// <summary>迁建.</summary>
    Relocation = 4,
}
