using Industry.Parks.Domain;

namespace Industry.Parks.UnitTests;

public sealed class ParkLifecycleTests
{
    [Fact]
    public void CanApply_EveryStateAndTransition_FollowsTheDesignedWorkflow()
    {
        var allowed = new HashSet<(ParkState, ParkTransition)>
        {
            (ParkState.Applied, ParkTransition.Submit),
            (ParkState.Rejected, ParkTransition.Submit),
            (ParkState.UnderReview, ParkTransition.Certify),
            (ParkState.UnderReview, ParkTransition.Reject),
            (ParkState.Certified, ParkTransition.Revoke),
        };

        foreach (var state in Enum.GetValues<ParkState>())
        {
            foreach (var transition in Enum.GetValues<ParkTransition>())
            {
                Assert.Equal(allowed.Contains((state, transition)), ParkLifecycle.Workflow.CanApply(state, transition));
            }
        }
    }

    [Theory]
    [InlineData(ParkTransition.Submit, ParkState.UnderReview)]
    [InlineData(ParkTransition.Certify, ParkState.Certified)]
    [InlineData(ParkTransition.Reject, ParkState.Rejected)]
    [InlineData(ParkTransition.Revoke, ParkState.Revoked)]
    public void Target_IsTheStateTheTransitionLeadsTo(ParkTransition transition, ParkState expected) =>
        Assert.Equal(expected, ParkLifecycle.Workflow.Target(transition));

    [Theory]
    [InlineData(ParkState.Applied, "SubmitPark")]
    [InlineData(ParkState.UnderReview, "CertifyPark,RejectPark")]
    [InlineData(ParkState.Certified, "RevokePark")]
    [InlineData(ParkState.Rejected, "SubmitPark")]
    [InlineData(ParkState.Revoked, "")]
    public void AllowedFrom_InApiTerms(ParkState state, string expected) =>
        Assert.Equal(expected, string.Join(",", ParkLifecycle.Workflow.AllowedFrom(state).Select(ParkLifecycle.Workflow.ApiName)));

    [Fact]
    public void ApiName_EveryState_IsTheProtoName() =>
        Assert.Equal(
            ["PARK_STATE_APPLIED", "PARK_STATE_UNDER_REVIEW", "PARK_STATE_CERTIFIED", "PARK_STATE_REVOKED", "PARK_STATE_REJECTED"],
            Enum.GetValues<ParkState>().Select(ParkLifecycle.ApiName));

    [Theory]
    [InlineData(ParkState.Applied, true)]
    [InlineData(ParkState.UnderReview, true)]
    [InlineData(ParkState.Certified, true)]
    [InlineData(ParkState.Rejected, false)]
    [InlineData(ParkState.Revoked, false)]
    public void AcceptsTransformations_NotWhenRejectedOrRevoked(ParkState state, bool expected) =>
        Assert.Equal(expected, ParkLifecycle.AcceptsTransformations(state));

    [Theory]
    [InlineData(ParkState.Applied, true)]
    [InlineData(ParkState.UnderReview, true)]
    [InlineData(ParkState.Rejected, true)]
    [InlineData(ParkState.Certified, false)]
    [InlineData(ParkState.Revoked, false)]
    public void IsDeletable_NotOnceCertified(ParkState state, bool expected) => Assert.Equal(expected, ParkLifecycle.IsDeletable(state));
}
