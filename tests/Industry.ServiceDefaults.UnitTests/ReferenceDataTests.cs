using Industry.ServiceDefaults.Reference;

namespace Industry.ServiceDefaults.UnitTests;

public sealed class ReferenceDataTests
{
    [Fact]
    public void Divisions_Anhui_Has16CitiesAnd104Counties()
    {
        Assert.Equal("340000", Divisions.Province.Code);
        Assert.Equal(16, Divisions.Cities.Count);
        Assert.Equal(104, Divisions.Counties.Count);
    }

    [Theory]
    [InlineData("340104", "340100", "合肥市")] // 蜀山区
    [InlineData("341882", "341800", "宣城市")] // 广德市 (county-level city)
    [InlineData("340100", "340100", "合肥市")] // a city is its own city
    public void CityOf_KnownCode_IsItsCity(string code, string cityCode, string cityName)
    {
        var city = Divisions.CityOf(code);

        Assert.NotNull(city);
        Assert.Equal(cityCode, city.Code);
        Assert.Equal(cityName, city.Name);
    }

    [Theory]
    [InlineData("340105")] // not a Hefei district
    [InlineData("320102")] // Nanjing, another province
    [InlineData("340000")] // the province is not a county
    [InlineData("34010")]
    [InlineData(null)]
    public void IsCounty_NotAnAnhuiCounty_IsFalse(string? code)
    {
        Assert.False(Divisions.IsCounty(code));
    }

    [Fact]
    public void Industries_FourPlusTen_HasFourTrillionAndTenHundredBillionIndustries()
    {
        Assert.Equal(14, Industries.All.Count);
        Assert.Equal(4, Industries.All.Count(i => i.Tier == IndustryTier.TrillionYuan));
        Assert.Equal("汽车及零部件", Industries.Find("AUTO")!.NameZh);
        Assert.Empty(Industries.Find("NEWMAT")!.Gbt4754Prefixes);
        Assert.Equal(["C33", "C34", "C35", "C37", "C38", "C40"], Industries.Find("EQUIP")!.Gbt4754Prefixes);
    }

    [Theory]
    [InlineData("industries/AUTO", "AUTO")]
    [InlineData(" Industries/auto ", "AUTO")]
    [InlineData("auto", "AUTO")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Industries_CodeOf_AcceptsResourceNameOrBareCode(string? input, string code) => Assert.Equal(code, Industries.CodeOf(input));

    [Fact]
    public void Industries_NameOf_IsTheResourceNameAndEmptyForNone()
    {
        Assert.Equal("industries/IT", Industries.NameOf("IT"));
        Assert.Equal(string.Empty, Industries.NameOf(string.Empty));
    }

    // Every shape an outsider may send, one rule for the three services that take an industry name.
    [Theory]
    [InlineData("industries/AUTO", false, null)]
    [InlineData("", false, null)]
    [InlineData("", true, "is required.")]
    [InlineData("industries/", false, "must be empty or a resource name 'industries/{code}', e.g. 'industries/AUTO'.")]
    [InlineData("industries/a/b", false, "must be empty or a resource name 'industries/{code}', e.g. 'industries/AUTO'.")]
    [InlineData("industries/AUTO/", true, "must be a resource name 'industries/{code}', e.g. 'industries/AUTO'.")]
    [InlineData("AUTO", true, "must be a resource name 'industries/{code}', e.g. 'industries/AUTO'.")]
    [InlineData("Industries/AUTO", true, "must be a resource name 'industries/{code}', e.g. 'industries/AUTO'.")]
    [InlineData(" industries/AUTO", true, "must be a resource name 'industries/{code}', e.g. 'industries/AUTO'.")]
    [InlineData("industries/NOPE", false, "'NOPE' is not a 4+10 industry code.")]
    [InlineData("industries/auto", false, "'auto' is not a 4+10 industry code.")]
    public void Industries_NameProblem_NamesEveryBadShape(string name, bool required, string? problem) =>
        Assert.Equal(problem, Industries.NameProblem(name, required));

    [Fact]
    public void ReportFigures_QuotedSourceSentences_AreParsedWhole()
    {
        Assert.Equal(1200, ReportFigures.Count("P1"));
        Assert.Equal(27.7m, ReportFigures.Get("P2").Value);
        Assert.Contains("27.3%、27.7%", ReportFigures.Get("P2").SourceZh, StringComparison.Ordinal);
        Assert.Equal(22434, ReportFigures.Count("C5"));
        Assert.Equal(23, ReportFigures.All.Count); // P1-P4, C1-C14, D1-D5
    }

    [Theory]
    [InlineData("C3851", "HOMEAPP")]
    [InlineData("C3841", "EQUIP")]
    [InlineData("C4210", "")]
    public void Industries_CodeForClass_IsTheLongestMatchingPrefix(string gbt4754Class, string industry) =>
        Assert.Equal(industry, Industries.CodeForClass(gbt4754Class));
}
