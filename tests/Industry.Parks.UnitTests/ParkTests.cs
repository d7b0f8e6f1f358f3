using Industry.Parks.Domain;
using Industry.ServiceDefaults.Errors;

namespace Industry.Parks.UnitTests;

public sealed class ParkTests
{
    [Fact]
    public void Create_ValidDraft_IsAppliedWithDerivedCityAtVersionOne()
    {
        var park = ParkData.Applied();

        Assert.Equal((ParkState.Applied, "340100", "AUTO", 1L), (park.State, park.CityCode, park.LeadIndustryCode, park.Version));
        Assert.Equal(("parks/hefei-hitech", "alice", ParkData.Now), (park.Name, park.UpdateActor, park.StateChangeTime));
    }

    [Fact]
    public void Revise_ChangedCounty_ReportsTheFieldAndMovesTheCity()
    {
        var park = ParkData.Applied();

        var changed = park.Revise(ParkData.Draft() with { CountyCode = "340207" }, ParkData.Now.AddDays(1), "bob");

        Assert.Equal(["county_code"], changed);
        Assert.Equal(("340200", 2L, "bob"), (park.CityCode, park.Version, park.UpdateActor));
    }

    [Fact]
    public void Revise_Unchanged_WritesNothing()
    {
        var park = ParkData.Applied();

        Assert.Empty(park.Revise(ParkData.Draft(), ParkData.Now.AddDays(1), "bob"));
        Assert.Equal((1L, "alice"), (park.Version, park.UpdateActor));
    }

    [Fact]
    public void Workflow_SubmitCertifyRevoke_RecordsYearBatchAndReasonAndKeepsCertification()
    {
        var park = ParkData.Applied();
        var later = ParkData.Now.AddDays(30);

        park.Submit(ParkData.Now, "alice");
        park.Certify(2023, 2, later, "admin");
        park.Revoke("复核不合格", later.AddDays(1), "admin");

        Assert.Equal((ParkState.Revoked, 2023, 2, "复核不合格"), (park.State, park.CertificationYear, park.CertificationBatch, park.RevocationReason));
        Assert.Equal((4L, later.AddDays(1)), (park.Version, park.StateChangeTime));
    }

    [Fact]
    public void Submit_AfterRejection_IsUnderReviewAndClearsTheReason()
    {
        var park = ParkData.In(ParkState.Rejected);
        Assert.Equal("材料不全", park.RejectionReason);

        park.Submit(ParkData.Now, "alice");

        Assert.Equal((ParkState.UnderReview, string.Empty), (park.State, park.RejectionReason));
    }

    [Theory]
    [InlineData(ParkState.Applied, ParkTransition.Certify, "SubmitPark", "PARK_STATE_UNDER_REVIEW")]
    [InlineData(ParkState.Applied, ParkTransition.Revoke, "SubmitPark", "PARK_STATE_UNDER_REVIEW")]
    [InlineData(ParkState.UnderReview, ParkTransition.Submit, "CertifyPark,RejectPark", "PARK_STATE_CERTIFIED,PARK_STATE_REJECTED")]
    [InlineData(ParkState.Certified, ParkTransition.Certify, "RevokePark", "PARK_STATE_REVOKED")]
    [InlineData(ParkState.Rejected, ParkTransition.Certify, "SubmitPark", "PARK_STATE_UNDER_REVIEW")]
    [InlineData(ParkState.Revoked, ParkTransition.Submit, "", "")]
    public void IllegalTransition_IsFailedPreconditionWithTheAllowedNextStatesAndChangesNothing(ParkState state, ParkTransition transition, string transitions, string states)
    {
        var park = ParkData.In(state);
        var version = park.Version;

        var error = Assert.Throws<ServiceException>(() => Apply(park, transition));

        Assert.Equal((ErrorKind.FailedPrecondition, "ILLEGAL_STATE_TRANSITION"), (error.Kind, error.Reason));
        Assert.Equal((transitions, states), (error.Metadata["allowed_transitions"], error.Metadata["allowed_states"]));
        Assert.Equal(ParkLifecycle.ApiName(state), error.Metadata["current_state"]);
        Assert.Equal((state, version), (park.State, park.Version));
    }

    [Fact]
    public void Certify_WithoutLeadIndustry_IsFailedPreconditionNamingTheFieldAndChangesNothing()
    {
        var park = ParkData.Applied(leadIndustry: string.Empty);
        park.Submit(ParkData.Now, "alice");

        var error = Assert.Throws<ServiceException>(() => park.Certify(2023, 1, ParkData.Now, "admin"));

        Assert.Equal((ErrorKind.FailedPrecondition, "LEAD_INDUSTRY_REQUIRED"), (error.Kind, error.Reason));
        Assert.Equal("park.lead_industry", Assert.Single(error.PreconditionViolations).Subject);
        Assert.Equal((ParkState.UnderReview, 0, 2L), (park.State, park.CertificationYear, park.Version));
    }

    private static void Apply(Park park, ParkTransition transition)
    {
        switch (transition)
        {
            case ParkTransition.Submit:
                park.Submit(ParkData.Now, "x");
                break;
            case ParkTransition.Certify:
                park.Certify(2023, 1, ParkData.Now, "x");
                break;
            case ParkTransition.Reject:
                park.Reject("r", ParkData.Now, "x");
                break;
            default:
                park.Revoke("r", ParkData.Now, "x");
                break;
        }
    }
}
