using Industry.ServiceDefaults.Reference;
using Industry.ServiceDefaults.Resources;

namespace Industry.ServiceDefaults.UnitTests;

/// <summary>
/// Every value of every enum of the contracts has both labels, read from the descriptors, so a value added to any proto
/// fails here until <c>enum-labels.csv</c> has its row.
/// </summary>
public sealed class EnumLabelsTests
{
    public static TheoryData<string, string> EveryEnumValue()
    {
        var data = new TheoryData<string, string>();
        foreach (var value in SuiteContracts.Enums.SelectMany(e => e.Values))
        {
            data.Add(value.EnumDescriptor.FullName, value.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryEnumValue))]
    public void EveryEnumValue_HasChineseAndEnglishLabels(string enumType, string value)
    {
        var label = Assert.Single(EnumLabels.All, l => l.EnumType == enumType && l.Value == value);

        Assert.False(string.IsNullOrWhiteSpace(label.Chinese), $"{enumType}.{value} has no Chinese label in enum-labels.csv.");
        Assert.False(string.IsNullOrWhiteSpace(label.English), $"{enumType}.{value} has no English label in enum-labels.csv.");
        Assert.Contains(label.Chinese, c => c >= '\u4e00' && c <= '\u9fff'); // a Chinese label is written in Chinese
    }

    [Fact]
    public void LabelsFile_HasNoRowForAValueTheContractsDoNotHave()
    {
        var values = SuiteContracts.Enums.SelectMany(e => e.Values.Select(v => (e.FullName, v.Name))).ToHashSet();

        var stale = EnumLabels.Keys.Where(k => !values.Contains(k)).Select(k => $"{k.Enum}.{k.Value}").ToList();

        Assert.True(stale.Count == 0, $"enum-labels.csv labels values the contracts do not have: {string.Join(", ", stale)}");
    }

    [Fact]
    public void Enums_AreFoundInEveryPackageOfTheContracts()
    {
        Assert.Contains(SuiteContracts.Enums, e => e.FullName == "industry.projects.v1.ProjectState");
        Assert.Contains(SuiteContracts.Enums, e => e.FullName == "industry.reference.v1.DivisionLevel");
        Assert.True(EnumLabels.All.Count >= 83, $"only {EnumLabels.All.Count} enum values found");
    }
}
