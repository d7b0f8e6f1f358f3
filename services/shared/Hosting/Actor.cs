namespace Industry.ServiceDefaults.Hosting;

/// <summary>Who makes a call: recorded on every write and carried by every event, so that any change can be traced to who made it.</summary>
public static class Actor
{
    /// <summary>A call without an authenticated identity; only reachable by methods no table protects (none of the suite's).</summary>
    public const string Anonymous = "anonymous";
}
