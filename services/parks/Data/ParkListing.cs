using Industry.ServiceDefaults.Filtering;

namespace Industry.Parks.Data;

/// <summary>What <c>ListParks</c> filters and orders by: the fields of the proto's <c>filter</c> and <c>order_by</c> comments, each on its column.</summary>
internal static class ParkListing
{
    public static readonly FilterSchema<Park> Filter = new FilterSchema<Park>()
        .Enum("state", p => p.State, "PARK_STATE_")
        .Enum("park_type", p => p.ParkType, "PARK_TYPE_")
        .Text("city_code", p => p.CityCode)
        .Text("county_code", p => p.CountyCode)
        .Text("lead_industry", p => p.LeadIndustryCode, Industries.CodeOf)
        .Number("certification_year", p => p.CertificationYear)
        .Number("certification_batch", p => p.CertificationBatch);

    public static readonly SortSchema<Park> Order = new SortSchema<Park>(p => p.Id, "create_time desc")
        .Field("create_time", p => p.CreateTime)
        .Field("display_name", p => p.DisplayName)
        .Field("certification_year", p => p.CertificationYear);
}
