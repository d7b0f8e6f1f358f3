using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Pagination;

namespace Industry.ServiceDefaults.UnitTests;

public sealed class PageSizeTests
{
    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 1)]
    [InlineData(1000, 1000)]
    [InlineData(1001, 1000)]
    [InlineData(int.MaxValue, 1000)]
    public void Normalize_NonNegative_AppliesDefaultAndMaximum(int requested, int expected)
    {
        Assert.Equal(expected, PageSize.Normalize(requested));
    }

    [Fact]
    public void Normalize_Negative_IsInvalidArgumentOnPageSize()
    {
        var exception = Assert.Throws<ServiceException>(() => PageSize.Normalize(-1));

        Assert.Equal("page_size", exception.FieldViolations.Single().Field);
    }
}
