namespace Industry.Demo.Plan;

/// <summary>
/// How large a province the plan builds: <see cref="Full"/> reproduces the report's figures; a smaller scale keeps every
/// count's ratio to the full one (each count times <see cref="Fraction"/>, rounded) for quick local runs and unit tests.
/// </summary>
public sealed record DemoScale(string Name, double Fraction)
{
    public static DemoScale Full { get; } = new("full", 1.0);

    public static DemoScale Tenth { get; } = new("tenth", 0.1);

    public static IReadOnlyList<DemoScale> All { get; } = [Full, Tenth];

    public static DemoScale? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A full-scale count at this scale, rounded half away from zero.</summary>
    public int Of(int fullCount) => (int)Math.Round(fullCount * Fraction, MidpointRounding.AwayFromZero);
}
