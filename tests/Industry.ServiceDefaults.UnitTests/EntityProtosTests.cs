using Google.Protobuf.WellKnownTypes;
using Industry.ServiceDefaults.Resources;
using Proto = Industry.Parks.V1;

namespace Industry.ServiceDefaults.UnitTests;

/// <summary>An entity onto its proto by the descriptor: the real park contract, a stand-in entity.</summary>
public sealed class EntityProtosTests
{
    private enum ParkType
    {
        NationalDevelopmentZone = 1,
        ProvincialDevelopmentZone = 2,
    }

    private sealed class Entity
    {
        public string DisplayName { get; init; } = "合肥高新区";

        public string LeadIndustry { get; init; } = "AUTO";

        public ParkType ParkType { get; init; } = ParkType.ProvincialDevelopmentZone;

        public int AboveSizeEnterpriseCount { get; init; } = 12;

        public long Version { get; init; } = 7;

        public DateTime CreateTime { get; init; } = new(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc);

        public DateTime? StateChangeTime { get; init; }

        public string UpdateActor { get; init; } = "user:1";

        /// <summary>A property whose name matches a field of another type: a mistake the mapping must not hide.</summary>
        public DateOnly? CityCode { get; init; }
    }

    [Fact]
    public void FillFrom_SameNamedProperties_TextNumbersEnumsByNumberTimesAndTheEtag()
    {
        var proto = new Proto.Park { CityCode = "340100" }.FillFrom(new Entity());

        Assert.Equal(("合肥高新区", Proto.ParkType.ProvincialDevelopmentZone, 12), (proto.DisplayName, proto.ParkType, proto.AboveSizeEnterpriseCount));
        Assert.Equal(Etag.Of(7), proto.Etag);
        Assert.Equal(Timestamp.FromDateTime(new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc)), proto.CreateTime);
        Assert.Equal("user:1", proto.UpdateActor);
    }

    [Fact]
    public void FillFrom_AFieldTheMappingSet_IsLeftAlone() =>
        Assert.Equal("industries/AUTO", new Proto.Park { LeadIndustry = "industries/AUTO" }.FillFrom(new Entity()).LeadIndustry);

    [Fact]
    public void FillFrom_ANullProperty_LeavesTheFieldUnset() =>
        Assert.Null(new Proto.Park().FillFrom(new Entity()).StateChangeTime);

    [Fact]
    public void FillFrom_AValueTheFieldCannotTake_IsRefusedNotGuessed() =>
        Assert.Throws<NotSupportedException>(() => new Proto.Park().FillFrom(new Entity { CityCode = new DateOnly(2024, 1, 1) }));
}
