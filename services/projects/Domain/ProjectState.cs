namespace Industry.Projects.Domain;

/// <summary>A project's place in its lifecycle (<see cref="ProjectLifecycle"/>).</summary>
public enum ProjectState
{
    /// <summary>储备: planned, not started.</summary>
    Reserve = 1,

    /// <summary>在建: under construction (sets the actual start).</summary>
    UnderConstruction = 2,

    /// <summary>竣工: construction completed.</summary>
    Completed = 3,

    /// <summary>投产: in production.</summary>
    InProduction = 4,

    /// <summary>停缓建: construction suspended or slowed.</summary>
    Suspended = 5,

    /// <summary>取消: cancelled (from reserve or suspension).</summary>
    Cancelled = 6,
}
