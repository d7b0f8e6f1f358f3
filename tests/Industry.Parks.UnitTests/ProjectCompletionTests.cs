using Industry.Parks.Domain;

namespace Industry.Parks.UnitTests;

public sealed class ProjectCompletionTests
{
    private static readonly ProjectFacts Completed = new(
        "projects/p-1", "parks/hefei-hitech", DigitalTransformation: true, ReachedCompletion: true, new DateOnly(2024, 5, 20), ParkData.Uscc(3).ToLowerInvariant(), "企业");

    [Fact]
    public void Evaluate_CompletedDigitalProjectInAPark_IsADigitallyTransformedProjectMilestoneOfItsCompletionYear()
    {
        var result = ProjectCompletion.Evaluate(Completed);

        Assert.NotNull(result);
        Assert.Equal(("hefei-hitech", ParkData.Uscc(3), "企业"), (result.ParkId, result.EnterpriseUscc, result.EnterpriseDisplayName));
        Assert.Equal(new LevelReached(TransformationLevel.DigitallyTransformed, 2024, TransformationSource.Project, "projects/p-1"), result.Reached);
    }

    [Fact]
    public void Evaluate_NotDigital_IsNothing() => Assert.Null(ProjectCompletion.Evaluate(Completed with { DigitalTransformation = false }));

    [Fact]
    public void Evaluate_NotCompleted_IsNothing() => Assert.Null(ProjectCompletion.Evaluate(Completed with { ReachedCompletion = false }));

    [Fact]
    public void Evaluate_NoCompletionDate_IsNothing() => Assert.Null(ProjectCompletion.Evaluate(Completed with { CompletionDate = null }));

    [Theory]
    [InlineData("")]
    [InlineData("parks/")]
    [InlineData("clusters/x")]
    [InlineData("parks/a/b")]
    public void Evaluate_NotInAPark_IsNothing(string park) => Assert.Null(ProjectCompletion.Evaluate(Completed with { Park = park }));
}
