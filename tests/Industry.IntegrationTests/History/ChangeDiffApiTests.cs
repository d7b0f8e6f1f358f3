using Grpc.Core;
using Industry.History.V1;

namespace Industry.IntegrationTests.History;

/// <summary>
/// What each change of a <c>ListChanges</c> page is diffed against (ADR 0046): the record's nearest earlier version that
/// carries a state, whatever the filter and the page boundaries, although the service reads only the rows off the page.
/// A record of five versions: v4 carries no state, v2 and v5 are by another actor than v1 and v3.
/// </summary>
public sealed class ChangeDiffApiTests(HistoryServiceFixture fixture) : IClassFixture<HistoryServiceFixture>
{
    private HistoryService.HistoryServiceClient Client => new(fixture.Channel);

    private static CallOptions Options => new(deadline: DateTime.UtcNow.AddSeconds(30));

    [Fact]
    public async Task EveryPage_DiffsAgainstTheNearestEarlierState_AcrossPagesAndStatelessChanges()
    {
        var subject = await SeedAsync("projects/p-diff-pages");

        var first = await Client.ListChangesAsync(new ListChangesRequest { Parent = subject, PageSize = 2 }, Options);
        Assert.Equal(new[] { 5L, 4L }, first.Changes.Select(c => c.SubjectVersion));
        Assert.Equal(new[] { "x: 3 -> 5" }, Diffs(first.Changes[0])); // past v4, which has no state, to v3 on the next page
        Assert.Empty(Diffs(first.Changes[1]));

        var second = await Client.ListChangesAsync(new ListChangesRequest { Parent = subject, PageSize = 2, PageToken = first.NextPageToken }, Options);
        Assert.Equal(new[] { 3L, 2L }, second.Changes.Select(c => c.SubjectVersion));
        Assert.Equal(new[] { "x: 2 -> 3" }, Diffs(second.Changes[0]));
        Assert.Equal(new[] { "x: 1 -> 2" }, Diffs(second.Changes[1])); // v1 is below the page

        var third = await Client.ListChangesAsync(new ListChangesRequest { Parent = subject, PageSize = 2, PageToken = second.NextPageToken }, Options);
        Assert.Equal(1L, Assert.Single(third.Changes).SubjectVersion);
        Assert.Empty(Diffs(third.Changes[0]));
        Assert.Empty(third.NextPageToken);
    }

    [Fact]
    public async Task AFilteredPage_DiffsAgainstTheVersionsItLeavesOut()
    {
        var subject = await SeedAsync("projects/p-diff-filter");

        var page = await Client.ListChangesAsync(new ListChangesRequest { Parent = subject, Filter = "actor = \"editor-b\"" }, Options);

        Assert.Equal(new[] { 5L, 2L }, page.Changes.Select(c => c.SubjectVersion));
        Assert.Equal(new[] { "x: 3 -> 5" }, Diffs(page.Changes[0])); // v3 lies between the page's two changes
        Assert.Equal(new[] { "x: 1 -> 2" }, Diffs(page.Changes[1]));
    }

    private async Task<string> SeedAsync(string subject)
    {
        var database = new HistoryDatabase(fixture.Database);
        var now = DateTime.UtcNow;
        await database.EnsureMonthsAsync(HistoryDatabase.MonthsAgo(0), 2);
        string Body(int x) => $$$"""{"metadata":{"subject":"{{{subject}}}"},"project":{"name":"{{{subject}}}","x":{{{x}}}}}""";
        await database.InsertAsync(subject, 1, now, "editor-a", Body(1));
        await database.InsertAsync(subject, 2, now, "editor-b", Body(2));
        await database.InsertAsync(subject, 3, now, "editor-a", Body(3));
        await database.InsertAsync(subject, 4, now, "editor-a", """{"metadata":{},"reminder":{"name":"reminders/r-1"}}""");
        await database.InsertAsync(subject, 5, now, "editor-b", Body(5));
        return subject;
    }

    private static string[] Diffs(Change change) =>
        [.. change.FieldChanges.Select(f => $"{f.Path}: {f.OldValue?.NumberValue} -> {f.NewValue?.NumberValue}")];
}
