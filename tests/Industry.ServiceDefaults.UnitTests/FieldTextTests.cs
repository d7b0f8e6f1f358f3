using Industry.ServiceDefaults.Errors;

namespace Industry.ServiceDefaults.UnitTests;

public sealed class FieldTextTests
{
    [Theory]
    [InlineData("", 5, true, "is required.")]
    [InlineData("  ", 5, true, "is required.")]
    [InlineData("", 5, false, null)]
    [InlineData("12345", 5, true, null)]
    [InlineData("123456", 5, false, "must be at most 5 characters.")]
    public void Problem_RequiredAndLength(string value, int maxLength, bool required, string? problem) =>
        Assert.Equal(problem, FieldText.Problem(value, maxLength, required));
}
