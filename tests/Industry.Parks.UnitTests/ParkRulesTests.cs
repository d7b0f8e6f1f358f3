using Industry.Parks.Domain;

namespace Industry.Parks.UnitTests;

public sealed class ParkRulesTests
{
    [Fact]
    public void Check_ValidDraft_HasNoViolations() => Assert.Empty(ParkRules.Check(ParkData.Draft()));

    [Fact]
    public void Check_NoLeadIndustryYet_IsAllowedForADraftApplication() => Assert.Empty(ParkRules.Check(ParkData.Draft(leadIndustry: string.Empty)));

    [Fact]
    public void Check_EveryFieldWrong_ReportsEachUnderThePrefix()
    {
        var draft = new ParkDraft
        {
            DisplayName = " ",
            CountyCode = "340100", // a city, not a county
            ParkType = (ParkType)42,
            LeadIndustry = "industries/STEEL",
            AboveSizeEnterpriseCount = -1,
            Description = new string('x', ParkRules.MaxDescriptionLength + 1),
        };

        var fields = ParkRules.Check(draft).Select(v => v.Field);

        Assert.Equal(
            ["park.display_name", "park.county_code", "park.park_type", "park.lead_industry", "park.above_size_enterprise_count", "park.description"],
            fields);
    }

    [Theory]
    [InlineData("AUTO", "must be empty or a resource name")]
    [InlineData("industries/", "must be empty or a resource name")]
    [InlineData("industries/a/b", "must be empty or a resource name")]
    [InlineData("industries/NOPE", "'NOPE' is not a 4+10 industry code.")]
    public void Check_BadLeadIndustry_SaysWhy(string industry, string expected) =>
        Assert.Contains(expected, Assert.Single(ParkRules.Check(ParkData.Draft(industry))).Description, StringComparison.Ordinal);

    [Fact]
    public void Check_MissingTypeAndCounty_AreRequired()
    {
        var violations = ParkRules.Check(ParkData.Draft() with { ParkType = null, CountyCode = string.Empty });

        Assert.All(violations, v => Assert.Equal("is required.", v.Description));
        Assert.Equal(2, violations.Count);
    }

    [Theory]
    [InlineData(2023, 1, "")]
    [InlineData(0, 1, "year")]
    [InlineData(1999, 1, "year")]
    [InlineData(2025, 1, "year")] // after the current year
    [InlineData(2023, 0, "batch")]
    [InlineData(2023, 100, "batch")]
    [InlineData(0, 0, "year,batch")]
    public void CheckCertification_YearUpToNowAndBatchFromOne(int year, int batch, string fields) =>
        Assert.Equal(fields, string.Join(",", ParkRules.CheckCertification(year, batch, currentYear: 2024).Select(v => v.Field)));
}
