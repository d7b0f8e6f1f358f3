using Industry.ServiceDefaults.Reference;

namespace Industry.ServiceDefaults.UnitTests;

public sealed class UsccTests
{
    // Published codes of well-known companies (iFlytek in Hefei, and three outside Anhui).
    [Theory]
    [InlineData("91340000711771143J")]
    [InlineData("91110000802100433B")]
    [InlineData("91440300708461136T")]
    [InlineData("91330100799655058B")]
    public void IsValid_RealCodes_AreAccepted(string code)
    {
        Assert.True(Uscc.IsValid(code), Uscc.Problem(code));
    }

    [Theory]
    [InlineData("91340000711771143K", "check character")]
    [InlineData("91340000711771134J", "check character")] // two digits swapped
    [InlineData("9134000071177114J", "18 characters")]
    [InlineData("91340000711771143J0", "18 characters")]
    [InlineData("91340000711771I43J", "not a USCC character")]
    [InlineData("91340000711771o43J", "not a USCC character")]
    [InlineData("913A0000711771143J", "division")]
    [InlineData("", "required")]
    public void Problem_BrokenCodes_SayWhatIsWrong(string code, string expected)
    {
        var problem = Uscc.Problem(code);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckCharacter_OfARealCode_IsItsLastCharacter()
    {
        Assert.Equal('J', Uscc.CheckCharacter("91340000711771143"));
    }
}
