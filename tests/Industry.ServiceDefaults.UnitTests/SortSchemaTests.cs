using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Filtering;

namespace Industry.ServiceDefaults.UnitTests;

/// <summary>Orders and keyset continuations, checked by paging through rows in memory.</summary>
public sealed class SortSchemaTests
{
    private static readonly SortSchema<Row> Schema = new SortSchema<Row>(r => r.Id, "created desc")
        .Field("created", r => r.Created)
        .Field("amount", r => r.Amount)
        .Field("title", r => r.Title)
        .Field("code", r => r.Code, unique: true);

    private static readonly DateTime Day = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    // Ties on every key but the id, so that the tie-breaker decides.
    private static readonly Row[] Rows = [.. Enumerable.Range(0, 23).Select(i => new Row(
        Id: $"r{i % 7}-{i:D2}",
        Created: Day.AddTicks((i % 5) * 10),
        Amount: (i % 3) * 1_000_000_000_000L,
        Title: i % 2 == 0 ? "甲" : "乙",
        Code: $"C{(i * 7) % 23:D2}"))];

    [Theory]
    [InlineData(null, "created desc, name desc")]
    [InlineData("amount", "amount, name")]
    [InlineData("amount desc , title", "amount desc, title, name")]
    [InlineData("title desc,created", "title desc, created, name")]
    [InlineData("code desc", "code desc")]
    [InlineData("amount, code", "amount, code")]
    public void Parse_Order_AddsTheTieBreakerInTheLastDirection(string? orderBy, string expected) =>
        Assert.Equal(expected, Schema.Parse(orderBy).ToString());

    [Theory]
    [InlineData("owner", "'owner' cannot be ordered by; fields: amount, code, created, title")]
    [InlineData("amount asc", "is not 'field' or 'field desc'")]
    [InlineData("amount desc desc", "is not 'field' or 'field desc'")]
    [InlineData("amount,", "is not 'field' or 'field desc'")]
    [InlineData("amount, amount desc", "'amount' appears more than once")]
    public void Parse_BadOrder_IsInvalidArgumentOnOrderBy(string orderBy, string expected)
    {
        var violation = Assert.Single(Assert.Throws<ServiceException>(() => Schema.Parse(orderBy)).FieldViolations);

        Assert.Equal("order_by", violation.Field);
        Assert.Contains(expected, violation.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(null, 4)]
    [InlineData("amount", 3)]
    [InlineData("amount desc, title", 2)]
    [InlineData("title desc, created", 5)]
    [InlineData("code desc", 4)]
    [InlineData("created, amount desc, title", 1)]
    public void After_PagingThroughEveryPage_ReturnsEachRowOnceInOrder(string? orderBy, int pageSize)
    {
        var order = Schema.Parse(orderBy);
        var expected = order.Apply(Rows.AsQueryable()).Select(r => r.Id).ToList();

        var seen = new List<string>();
        string[]? keys = null;
        while (true)
        {
            var query = keys is null ? Rows.AsQueryable() : order.After(Rows.AsQueryable(), keys);
            var page = order.Apply(query).Take(pageSize + 1).ToList();
            seen.AddRange(page.Take(pageSize).Select(r => r.Id));
            if (page.Count <= pageSize)
            {
                break;
            }

            keys = order.TokenKeys(page[pageSize - 1]);
        }

        Assert.Equal(expected, seen);
        Assert.Equal(Rows.Length, seen.Distinct().Count());
    }

    [Fact]
    public void TokenKeys_OfARow_AreItsSortValuesAsText() =>
        Assert.Equal(
            [Day.AddTicks(10).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), "1000000000000", "r1-01"],
            Schema.Parse("created, amount").TokenKeys(Rows[1]));

    [Theory]
    [InlineData("x")]
    [InlineData("-1")]
    public void After_KeysOfAnotherShape_IsInvalidArgumentOnPageToken(string created)
    {
        var order = Schema.Parse(null);

        Assert.Equal("page_token", Assert.Single(Assert.Throws<ServiceException>(() => order.After(Rows.AsQueryable(), [created, "r1"])).FieldViolations).Field);
        Assert.Equal("page_token", Assert.Single(Assert.Throws<ServiceException>(() => order.After(Rows.AsQueryable(), ["1"])).FieldViolations).Field);
    }

    public sealed record Row(string Id, DateTime Created, long Amount, string Title, string Code);
}
