using Industry.Projects.Domain;

namespace Industry.Projects.UnitTests;

/// <summary>滞后项目清单: by city, then past the planned completion, then the largest gap; bounded by severity, with a flag.</summary>
public sealed class LaggingListTests
{
    private static readonly LaggingKey[] Behind =
    [
        new("340200", false, 12.5, "C", "c"),
        new("340100", false, 30.0, "B", "b"),
        new("340100", false, null, "A", "a"),
        new("340100", true, 5.0, "D", "d"),
        new("340200", false, 40.0, "E", "e"),
        new("340100", false, 30.0, "F", "f"),
    ];

    [Fact]
    public void Of_ListsByCity_ThenPastCompletion_ThenLargestGap_AbsentGapLast_ThenCode()
    {
        var (projects, truncated) = LaggingList.Of(Behind, k => k);

        Assert.Equal(["d", "b", "f", "a", "e", "c"], projects.Select(p => p.Id));
        Assert.False(truncated);
    }

    [Fact]
    public void Of_OverTheBound_KeepsTheFurthestBehindProvinceWide_AndSaysItWasTruncated()
    {
        var (projects, truncated) = LaggingList.Of(Behind, k => k, max: 3);

        // Past completion (d), then the gaps 40 (e) and 30 (b before f by code); listed by city again.
        Assert.Equal(["d", "b", "e"], projects.Select(p => p.Id));
        Assert.True(truncated);
    }

    [Fact]
    public void Of_TheBound_HoldsTenThousand()
    {
        var many = Enumerable.Range(0, LaggingList.MaxProjects).Select(i => new LaggingKey("340100", false, i % 100, $"{i:D6}", $"{i:D6}")).ToList();

        var (projects, truncated) = LaggingList.Of(many, k => k);

        Assert.Equal((LaggingList.MaxProjects, false), (projects.Count, truncated));
        Assert.True(LaggingList.Of([.. many, new LaggingKey("340100", false, 0, "X", "x")], k => k).Truncated);
    }
}
