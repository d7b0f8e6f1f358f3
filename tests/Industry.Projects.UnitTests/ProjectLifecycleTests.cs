using Industry.Projects.Domain;

namespace Industry.Projects.UnitTests;

public sealed class ProjectLifecycleTests
{
    [Theory]
    [InlineData(ProjectState.Reserve, ProjectState.UnderConstruction)]
    [InlineData(ProjectState.Reserve, ProjectState.Cancelled)]
    [InlineData(ProjectState.UnderConstruction, ProjectState.Completed)]
    [InlineData(ProjectState.UnderConstruction, ProjectState.Suspended)]
    [InlineData(ProjectState.Suspended, ProjectState.UnderConstruction)]
    [InlineData(ProjectState.Suspended, ProjectState.Cancelled)]
    [InlineData(ProjectState.Completed, ProjectState.InProduction)]
    public void CanMove_DesignedTransition_IsAllowed(ProjectState from, ProjectState to) => Assert.True(ProjectLifecycle.Workflow.CanApply(from, to));

    [Fact]
    public void CanMove_EveryOtherPair_IsRefused()
    {
        var allowed = new HashSet<(ProjectState, ProjectState)>
        {
            (ProjectState.Reserve, ProjectState.UnderConstruction), (ProjectState.Reserve, ProjectState.Cancelled),
            (ProjectState.UnderConstruction, ProjectState.Completed), (ProjectState.UnderConstruction, ProjectState.Suspended),
            (ProjectState.Suspended, ProjectState.UnderConstruction), (ProjectState.Suspended, ProjectState.Cancelled),
            (ProjectState.Completed, ProjectState.InProduction),
        };

        foreach (var from in Enum.GetValues<ProjectState>())
        {
            foreach (var to in Enum.GetValues<ProjectState>())
            {
                Assert.Equal(allowed.Contains((from, to)), ProjectLifecycle.Workflow.CanApply(from, to));
            }
        }
    }

    [Theory]
    [InlineData(ProjectState.InProduction)]
    [InlineData(ProjectState.Cancelled)]
    public void AllowedFrom_FinalState_IsEmpty(ProjectState state) => Assert.Empty(ProjectLifecycle.Workflow.AllowedFrom(state));

    [Theory]
    [InlineData(ProjectState.Reserve, false)]
    [InlineData(ProjectState.Cancelled, false)]
    [InlineData(ProjectState.UnderConstruction, true)]
    [InlineData(ProjectState.Suspended, true)]
    [InlineData(ProjectState.Completed, true)]
    [InlineData(ProjectState.InProduction, true)]
    public void HasStarted_ByState(ProjectState state, bool started) => Assert.Equal(started, ProjectLifecycle.HasStarted(state));
}
