using Industry.Cli.Commands;
using Industry.Common.V1;

namespace Industry.Cli.UnitTests;

public sealed class ProgressTablesTests
{
    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(123_456_789L, "12,345.68")] // yuan shown in 万元, as the department's sheets
    [InlineData(-50_000L, "-5.00")]
    public void TenThousands(long yuan, string shown) => Assert.Equal(shown, ProgressTables.TenThousands(yuan));

    [Fact]
    public void TargetProgress_ShowsActualTargetAndCompletion()
    {
        Assert.Equal("12 / 20 (60.0%)", ProgressTables.Of(new TargetProgress { Actual = 12, Target = 20, CompletionPercent = 60 }));
        Assert.Equal("12 / 20", ProgressTables.Of(new TargetProgress { Actual = 12, Target = 20 }));
        Assert.Equal("1,234", ProgressTables.Of(new TargetProgress { Actual = 1234 }));
        Assert.Equal("—", ProgressTables.Of(null));
    }
}
