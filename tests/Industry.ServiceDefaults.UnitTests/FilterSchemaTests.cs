using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Filtering;

namespace Industry.ServiceDefaults.UnitTests;

/// <summary>Filters become predicates whose meaning is checked by running them over rows in memory.</summary>
public sealed class FilterSchemaTests
{
    private static readonly FilterSchema<Row> Schema = new FilterSchema<Row>()
        .Text("code", r => r.Code, v => v.ToUpperInvariant())
        .Number("amount", r => r.Amount)
        .Flag("digital", r => r.Digital)
        .Enum("color", r => r.Color, "COLOR_")
        .Date("start_date", r => r.StartDate)
        .Timestamp("update_time", r => r.UpdateTime);

    private static readonly Row[] Rows =
    [
        new("A1", 100, true, Color.DarkRed, new DateOnly(2023, 5, 1), new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
        new("B2", 200, false, Color.Blue, null, new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc)),
        new("C3", 300, false, Color.DarkRed, new DateOnly(2024, 2, 29), new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
    ];

    [Theory]
    [InlineData("code = \"b2\"", "B2")]
    [InlineData("code != \"B2\"", "A1 C3")]
    [InlineData("code >= \"B\"", "B2 C3")]
    [InlineData("amount > 100 AND amount <= 300", "B2 C3")]
    [InlineData("amount < -1", "")]
    [InlineData("digital = true", "A1")]
    [InlineData("digital != true", "B2 C3")]
    [InlineData("color = COLOR_DARK_RED", "A1 C3")]
    [InlineData("color != COLOR_DARK_RED", "B2")]
    [InlineData("start_date >= \"2024-01-01\"", "C3")]
    [InlineData("start_date < \"2024-01-01\"", "A1")]
    [InlineData("start_date != \"2023-05-01\"", "B2 C3")]
    [InlineData("update_time > \"2024-06-01T12:00:00Z\"", "C3")]
    [InlineData("update_time = \"2024-06-01T20:00:00+08:00\"", "B2")]
    [InlineData("update_time < \"2024-06-01T12:00:00.000000100Z\"", "A1 B2")]
    [InlineData("color = COLOR_DARK_RED AND digital = false", "C3")]
    public void Translate_Filter_SelectsTheMatchingRows(string filter, string expected)
    {
        var predicate = Schema.Translate(filter)!.Compile();

        Assert.Equal(expected, string.Join(' ', Rows.Where(predicate).Select(r => r.Code)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Translate_Empty_IsNoPredicate(string? filter) => Assert.Null(Schema.Translate(filter));

    [Theory]
    [InlineData("code = B2", "code: the value must be a double-quoted string")]
    [InlineData("amount = \"100\"", "amount: '100' is not an integer")]
    [InlineData("amount = 1.5", "amount: '1.5' is not an integer")]
    [InlineData("digital = yes", "digital: 'yes' is not a boolean")]
    [InlineData("digital < true", "digital: supports only = !=, not <")]
    [InlineData("color = RED", "color: 'RED' is not a value; values: COLOR_BLUE, COLOR_DARK_RED")]
    [InlineData("color = \"COLOR_BLUE\"", "color: 'COLOR_BLUE' is not a value")]
    [InlineData("color > COLOR_BLUE", "color: supports only = !=")]
    [InlineData("start_date = \"2024-02-30\"", "start_date: '2024-02-30' is not a date")]
    [InlineData("start_date = 2024-02-01", "start_date: the value must be a double-quoted string")]
    [InlineData("update_time > \"2024-06-01\"", "update_time: '2024-06-01' is not an RFC 3339 timestamp")]
    [InlineData("update_time > \"2024-06-01T12:00:00\"", "is not an RFC 3339 timestamp")]
    [InlineData("update_time > \"2024-13-01T12:00:00Z\"", "is not a valid timestamp")]
    [InlineData("owner = \"x\"", "'owner' cannot be filtered on")]
    public void Translate_BadValueOperatorOrField_IsInvalidArgumentOnFilter(string filter, string expected)
    {
        var error = Assert.Throws<ServiceException>(() => Schema.Translate(filter));

        var violation = Assert.Single(error.FieldViolations);
        Assert.Equal("filter", violation.Field);
        Assert.Contains(expected, violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_OtherRequestField_NamesIt() =>
        Assert.Equal("query", Assert.Single(Assert.Throws<ServiceException>(() => Schema.Translate("amount = x", "query")).FieldViolations).Field);

    [Theory]
    [InlineData("shade >= COLOR_DARK_RED", "A1 C3")]
    [InlineData("shade < COLOR_DARK_RED", "B2")]
    [InlineData("shade > COLOR_DARK_RED", "")]
    [InlineData("shade = COLOR_BLUE", "B2")]
    public void Translate_OrderedEnum_ComparesByTheMembersNumbers(string filter, string expected)
    {
        var ordered = new FilterSchema<Row>().Enum("shade", r => r.Color, "COLOR_", ordered: true);

        Assert.Equal(expected, string.Join(' ', Rows.Where(ordered.Translate(filter)!.Compile()).Select(r => r.Code)));
    }

    [Fact]
    public void Fields_AreThoseDeclared() =>
        Assert.Equal(["amount", "code", "color", "digital", "start_date", "update_time"], Schema.Fields.Order(StringComparer.Ordinal));

    /// <summary>A join field narrows the query itself; its comparisons and the predicates apply together.</summary>
    [Theory]
    [InlineData("tagged = \"x\"", "A1 C3")]
    [InlineData("tagged = \"x\" AND amount > 100", "C3")]
    [InlineData("tagged = \"x\" AND tagged = \"y\"", "C3")]
    [InlineData("amount > 100", "B2 C3")]
    [InlineData("", "A1 B2 C3")]
    public void Apply_JoinField_NarrowsTheQuery(string filter, string expected)
    {
        var tags = new[] { ("A1", "x"), ("C3", "x"), ("C3", "y"), ("B2", "z") };
        var joined = new FilterSchema<Row>().Number("amount", r => r.Amount).Join("tagged", term =>
        {
            var tag = term.QuotedValue("\"x\"");
            return rows => rows.Join(tags.Where(t => t.Item2 == tag), r => r.Code, t => t.Item1, (r, _) => r);
        });

        Assert.Equal(expected, string.Join(' ', joined.Apply(Rows.AsQueryable(), filter).Select(r => r.Code)));
    }

    /// <summary>A join is no predicate: a caller that embeds the filter in another query must not get one without it.</summary>
    [Fact]
    public void Translate_SchemaWithJoinField_Throws()
    {
        var joined = new FilterSchema<Row>().Number("amount", r => r.Amount).Join("tagged", _ => rows => rows);

        Assert.Throws<InvalidOperationException>(() => joined.Translate("amount > 1"));
    }

    public enum Color
    {
        Blue = 1,
        DarkRed = 2,
    }

    public sealed record Row(string Code, long Amount, bool Digital, Color Color, DateOnly? StartDate, DateTime UpdateTime);
}
