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

    [Theory]
    [InlineData("a\0b", "must not contain control characters (U+0000 at position 1).")]
    [InlineData("\u001b[31m", "must not contain control characters (U+001B at position 0).")]
    [InlineData("line\r\nnext\tcolumn 😀 表", null)]
    public void Problem_RefusesWhatTheDatabaseCannotStore(string value, string? problem) =>
        Assert.Equal(problem, FieldText.Problem(value, 100, required: false));

    [Fact]
    public void Problem_RefusesUnpairedSurrogates()
    {
        // Built in code: an attribute argument cannot hold an unpaired surrogate (it is stored as UTF-8).
        Assert.Equal("must be valid Unicode (an unpaired surrogate at position 1).", FieldText.Problem("x" + (char)0xd800, 100, required: false));
        Assert.Equal("must be valid Unicode (an unpaired surrogate at position 0).", FieldText.Problem((char)0xdfff + "x", 100, required: false));
    }

    [Theory]
    [InlineData("", "is required.")]
    [InlineData("   ", "is required.")]
    [InlineData("复核不合格", null)]
    public void ReasonProblem_RequiresAReasonWithinItsLength(string reason, string? problem) => Assert.Equal(problem, FieldText.ReasonProblem(reason));

    [Fact]
    public void ReasonProblem_LongerThanTheColumn_IsRefused() =>
        Assert.Equal($"must be at most {FieldText.MaxReasonLength} characters.", FieldText.ReasonProblem(new string('理', FieldText.MaxReasonLength + 1)));

    [Fact]
    public void RequireReason_TrimsOrNamesTheReasonField()
    {
        Assert.Equal("材料不全", FieldText.RequireReason("  材料不全 "));
        Assert.Equal("reason", Assert.Single(Assert.Throws<ServiceException>(() => FieldText.RequireReason(" ")).FieldViolations).Field);
    }
}
