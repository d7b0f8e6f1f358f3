namespace Industry.EndToEndTests.Quickstarts;

/// <summary>The output check of <see cref="QuickstartTests"/> on its own, without a suite: it must reject what a quickstart should not print.</summary>
public sealed class PromisedLinesTests
{
    private static readonly string[] Promises =
    [
        @"created (?<cluster>clusters/[a-z0-9-]+)",
        "event subject={cluster} version=1",
    ];

    [Fact]
    public void Check_LinesInOrderAboutTheSameCluster_ReturnsTheCapturedName()
    {
        var captured = PromisedLines.Check(Promises, "connecting\ncreated clusters/q-1\nnoise\nevent subject=clusters/q-1 version=1\n");

        Assert.Equal("clusters/q-1", captured["cluster"]);
    }

    [Theory]
    [InlineData("created clusters/q-1\nevent subject=clusters/q-2 version=1")] // an event about another cluster
    [InlineData("event subject=clusters/q-1 version=1\ncreated clusters/q-1")] // out of order
    [InlineData("created clusters/q-1\nevent subject=clusters/q-1 version=1 and more")] // not the whole line
    [InlineData("created clusters/q-1")] // a promise missing
    public void Check_PromiseNotKept_Throws(string output) =>
        Assert.Throws<PromiseNotKeptException>(() => PromisedLines.Check(Promises, output));
}
