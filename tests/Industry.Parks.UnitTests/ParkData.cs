using Industry.Parks.Domain;

namespace Industry.Parks.UnitTests;

/// <summary>Valid drafts and parks in each state, for the domain tests.</summary>
internal static class ParkData
{
    public static readonly DateTime Now = new(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    public static ParkDraft Draft(string leadIndustry = "industries/AUTO") => new()
    {
        DisplayName = "合肥高新技术产业开发区",
        CountyCode = "340104",
        ParkType = ParkType.NationalHighTechZone,
        LeadIndustry = leadIndustry,
        AboveSizeEnterpriseCount = 320,
        Description = "新能源汽车数字化转型样板",
    };

    public static Park Applied(string leadIndustry = "industries/AUTO") => Park.Create("hefei-hitech", Draft(leadIndustry), Now, "alice");

    /// <summary>A park moved to <paramref name="state"/> along the designed path.</summary>
    public static Park In(ParkState state)
    {
        var park = Applied();
        switch (state)
        {
            case ParkState.UnderReview:
                park.Submit(Now, "alice");
                break;
            case ParkState.Certified:
                park.Submit(Now, "alice");
                park.Certify(2023, 1, Now, "admin");
                break;
            case ParkState.Revoked:
                park.Submit(Now, "alice");
                park.Certify(2023, 1, Now, "admin");
                park.Revoke("复核不合格", Now, "admin");
                break;
            case ParkState.Rejected:
                park.Submit(Now, "alice");
                park.Reject("材料不全", Now, "admin");
                break;
        }

        return park;
    }

    /// <summary>A valid USCC of a Hefei enterprise, different for each <paramref name="serial"/>.</summary>
    public static string Uscc(int serial)
    {
        var first17 = $"91340100{serial:D9}";
        return first17 + ServiceDefaults.Reference.Uscc.CheckCharacter(first17);
    }
}
