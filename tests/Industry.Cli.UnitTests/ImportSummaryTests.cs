using Industry.Cli.Gateway;

namespace Industry.Cli.UnitTests;

/// <summary>The gateway's <c>X-Import-Summary</c> read into counts; what decides the import's exit code.</summary>
public sealed class ImportSummaryTests
{
    [Theory]
    [InlineData("created=4; updated=1; unchanged=7; failed=2", 4, 1, 7, 2)]
    [InlineData("failed=3;created=1", 1, 0, 0, 3)] // order free, spaces optional
    [InlineData("created=x; failed=-1; updated=2", 0, 2, 0, 0)] // what is not a count is no count
    [InlineData("", 0, 0, 0, 0)]
    [InlineData(null, 0, 0, 0, 0)]
    public void Parse_ReadsEachCount(string? header, int created, int updated, int unchanged, int failed) =>
        Assert.Equal(new ImportSummary(created, updated, unchanged, failed), ImportSummary.Parse(header));
}
