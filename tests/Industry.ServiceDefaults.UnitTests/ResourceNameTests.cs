using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Resources;

namespace Industry.ServiceDefaults.UnitTests;

public sealed class ResourceNameTests
{
    [Theory]
    [InlineData("a", true)]
    [InlineData("speech-valley", true)]
    [InlineData("c-0123456789abcdef0123456789abcdef", true)]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901x3", true)] // 63 characters
    [InlineData("a2345678901234567890123456789012345678901234567890123456789012x4", false)] // 64
    [InlineData("", false)]
    [InlineData("1abc", false)]
    [InlineData("abc-", false)]
    [InlineData("Abc", false)]
    [InlineData("a_b", false)]
    [InlineData("abc\n", false)] // a trailing line break is not part of an id
    [InlineData(null, false)]
    public void IsValidId_FollowsAip122(string? id, bool valid) => Assert.Equal(valid, ResourceName.IsValidId(id));

    [Theory]
    [InlineData("parks/hefei-hitech", true)]
    [InlineData("parks/", false)]
    [InlineData("parks", false)]
    [InlineData("parks/a/b", false)]
    [InlineData("parksx/a", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsName_OneSegmentAfterTheCollection(string? value, bool valid) => Assert.Equal(valid, ResourceName.IsName(value, "parks"));

    [Fact]
    public void Id_NotAName_IsInvalidArgumentOnTheField()
    {
        var error = Assert.Throws<ServiceException>(() => ResourceName.Id("clusters/a/b", "clusters", "parent"));

        Assert.Equal("parent", Assert.Single(error.FieldViolations).Field);
    }
}
