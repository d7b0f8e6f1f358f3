using Industry.ServiceDefaults.Reference;

namespace Industry.ServiceDefaults.UnitTests;

public sealed class Gbt4754Tests
{
    [Theory]
    [InlineData("C3841")] // lithium-ion batteries
    [InlineData("C1310")] // first manufacturing division
    [InlineData("C4390")] // last manufacturing division
    public void Problem_ManufacturingClass_IsNone(string code) => Assert.Null(Gbt4754.Problem(code));

    [Theory]
    [InlineData("", "required")]
    [InlineData("C384", "four digits")]
    [InlineData("c3841", "four digits")]
    [InlineData("D4411", "four digits")] // electricity supply: not section C
    [InlineData("C0610", "not a manufacturing division")] // C06 does not exist in manufacturing
    [InlineData("C4411", "not a manufacturing division")]
    public void Problem_NotAManufacturingClass_SaysWhy(string code, string expected) =>
        Assert.Contains(expected, Gbt4754.Problem(code), StringComparison.Ordinal);

    [Fact]
    public void BelongsTo_ClassOutsideTheIndustry_IsFalse()
    {
        Assert.True(Gbt4754.BelongsTo("C3670", Industries.Find("AUTO")!));
        Assert.False(Gbt4754.BelongsTo("C3841", Industries.Find("AUTO")!));
        Assert.True(Gbt4754.BelongsTo("C3825", Industries.Find("PV")!));
    }

    [Fact]
    public void BelongsTo_CrossCuttingIndustry_TakesAnyClass() => Assert.True(Gbt4754.BelongsTo("C1310", Industries.Find("NEWMAT")!));
}
