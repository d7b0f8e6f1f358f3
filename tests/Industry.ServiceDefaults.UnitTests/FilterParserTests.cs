using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Filtering;

namespace Industry.ServiceDefaults.UnitTests;

public sealed class FilterParserTests
{
    private static readonly HashSet<string> Fields = ["state", "city_code", "total_investment_yuan", "digital_transformation", "display_name"];

    [Fact]
    public void Parse_ComparisonsJoinedByAnd_ReturnsEachInOrder()
    {
        var comparisons = FilterParser.Parse(
            "state = PROJECT_STATE_UNDER_CONSTRUCTION AND city_code = \"340100\" AND total_investment_yuan >= 1000000000 AND digital_transformation != false",
            Fields);

        Assert.Equal(
            [
                new FilterComparison("state", FilterOperator.Equal, "PROJECT_STATE_UNDER_CONSTRUCTION", FilterValueKind.Bare),
                new FilterComparison("city_code", FilterOperator.Equal, "340100", FilterValueKind.Quoted),
                new FilterComparison("total_investment_yuan", FilterOperator.GreaterThanOrEqual, "1000000000", FilterValueKind.Bare),
                new FilterComparison("digital_transformation", FilterOperator.NotEqual, "false", FilterValueKind.Bare),
            ],
            comparisons);
    }

    [Theory]
    [InlineData("total_investment_yuan<5", FilterOperator.LessThan)]
    [InlineData("total_investment_yuan <= 5", FilterOperator.LessThanOrEqual)]
    [InlineData("total_investment_yuan>5", FilterOperator.GreaterThan)]
    public void Parse_OperatorsWithOrWithoutSpaces(string filter, FilterOperator expected) =>
        Assert.Equal(expected, Assert.Single(FilterParser.Parse(filter, Fields)).Operator);

    [Fact]
    public void Parse_QuotedStringWithEscapesAndSpaces_KeepsItWhole() =>
        Assert.Equal("年产 \"20GWh\" 项目", Assert.Single(FilterParser.Parse("display_name = \"年产 \\\"20GWh\\\" 项目\"", Fields)).Value);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_Empty_IsNoComparison(string? filter) => Assert.Empty(FilterParser.Parse(filter, Fields));

    [Theory]
    [InlineData("owner = \"x\"", "cannot be filtered on")]
    [InlineData("state = A OR state = B", "expected AND")]
    [InlineData("NOT state = A", "expected 'field op value'")]
    [InlineData("(state = A)", "not supported")]
    [InlineData("state : A", "not supported")]
    [InlineData("state = \"open", "unterminated")]
    [InlineData("state =", "expected a comparison")]
    [InlineData("state = A AND", "expected a comparison")]
    [InlineData("state ! A", "must be followed by '='")]
    public void Parse_OutsideTheSubset_IsInvalidArgumentOnFilter(string filter, string expected)
    {
        var error = Assert.Throws<ServiceException>(() => FilterParser.Parse(filter, Fields));

        Assert.Equal("filter", Assert.Single(error.FieldViolations).Field);
        Assert.Contains(expected, error.FieldViolations[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLong_IsRejected() =>
        Assert.Throws<ServiceException>(() => FilterParser.Parse("state = " + new string('A', FilterParser.MaxLength), Fields));
}
