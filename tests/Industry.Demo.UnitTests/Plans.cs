using Industry.Demo.Plan;

namespace Industry.Demo.UnitTests;

/// <summary>Each scale's plan, built once for all the tests (the full one takes about a second).</summary>
internal static class Plans
{
    private static readonly Lazy<DemoPlan> FullPlan = new(() => DemoPlanBuilder.Build(DemoScale.Full));
    private static readonly Lazy<DemoPlan> TenthPlan = new(() => DemoPlanBuilder.Build(DemoScale.Tenth));

    public static DemoPlan Full => FullPlan.Value;

    public static DemoPlan Of(string scale) => scale == "full" ? FullPlan.Value : TenthPlan.Value;

    public static TheoryData<string> Scales => new() { "full", "tenth" };
}
