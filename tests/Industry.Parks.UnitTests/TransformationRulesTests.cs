using Industry.Parks.Domain;

namespace Industry.Parks.UnitTests;

public sealed class TransformationRulesTests
{
    [Fact]
    public void CheckRecord_Valid_HasNoViolations() =>
        Assert.Empty(TransformationRules.CheckRecord(ParkData.Uscc(1), TransformationLevel.SmartFactory, 2024, "企业", string.Empty, currentYear: 2024));

    [Fact]
    public void CheckRecord_EveryFieldWrong_ReportsEach()
    {
        var badUscc = ParkData.Uscc(1)[..17] + (ParkData.Uscc(1)[17] == 'X' ? 'Y' : 'X');

        var fields = TransformationRules.CheckRecord(badUscc, null, 2025, new string('名', 201), new string('x', 2001), currentYear: 2024).Select(v => v.Field);

        Assert.Equal(["enterprise_uscc", "level", "year", "enterprise_display_name", "note"], fields);
    }

    [Theory]
    [InlineData(0, "is required.")]
    [InlineData(1999, "must be a year from 2000 to the current year 2024.")]
    [InlineData(2025, "must be a year from 2000 to the current year 2024.")]
    public void YearProblem_OutOfRange_SaysWhy(int year, string expected) => Assert.Equal(expected, ParkRules.YearProblem(year, 2024));

    [Fact]
    public void CheckRecord_UndefinedLevel_IsRejected() =>
        Assert.Equal("level", Assert.Single(TransformationRules.CheckRecord(ParkData.Uscc(1), (TransformationLevel)9, 2024, string.Empty, string.Empty, 2024)).Field);

    [Fact]
    public void CheckDescription_RequiredName_UnderThePrefix() =>
        Assert.Equal("transformation.enterprise_display_name", Assert.Single(TransformationRules.CheckDescription(" ", string.Empty, required: true, "transformation.")).Field);
}
