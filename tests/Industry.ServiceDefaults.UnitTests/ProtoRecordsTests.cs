using Industry.ServiceDefaults.Resources;
using Proto = Industry.Parks.V1;

namespace Industry.ServiceDefaults.UnitTests;

/// <summary>A request's message onto a positional record: the real digital-targets contract, stand-in records.</summary>
public sealed class ProtoRecordsTests
{
    private sealed record City(string CityCode, int? ParksCertified, int? EnterprisesTransformed, int? WorkshopsFactoriesLeaders);

    private sealed record Targets(int? ParksCertified, int? EnterprisesTransformed, int? WorkshopsFactoriesLeaders, IReadOnlyList<City> CityTargets);

    private enum ParkType
    {
        NationalDevelopmentZone = 1,
    }

    private sealed record Park(string DisplayName, ParkType? ParkType, int AboveSizeEnterpriseCount);

    private sealed record Misnamed(int? ParksCertifed);

    [Fact]
    public void ToRecord_AParameterWithoutAField_NamesBoth()
    {
        var error = Assert.Throws<NotSupportedException>(() => new Proto.DigitalTargets().ToRecord<Misnamed>());

        Assert.Contains("industry.parks.v1.DigitalTargets has no field for Misnamed's parameter ParksCertifed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRecord_CalledAgain_MapsTheSecondMessageByItsOwnValues()
    {
        _ = new Proto.DigitalTargets { ParksCertified = 1 }.ToRecord<Targets>();

        Assert.Equal(2, new Proto.DigitalTargets { ParksCertified = 2 }.ToRecord<Targets>().ParksCertified);
    }

    [Fact]
    public void ToRecord_AnOptionalNotSet_IsNullAndZeroSetIsZero()
    {
        var targets = new Proto.DigitalTargets { EnterprisesTransformed = 0, WorkshopsFactoriesLeaders = 40 }.ToRecord<Targets>();

        Assert.Equal(((int?)null, (int?)0, (int?)40), (targets.ParksCertified, targets.EnterprisesTransformed, targets.WorkshopsFactoriesLeaders));
    }

    [Fact]
    public void ToRecord_ARepeatedMessage_IsAListOfRecords()
    {
        var targets = new Proto.DigitalTargets { CityTargets = { new Proto.DigitalCityTarget { CityCode = "340100", ParksCertified = 3 } } }.ToRecord<Targets>();

        Assert.Equal(new City("340100", 3, null, null), Assert.Single(targets.CityTargets));
    }

    [Fact]
    public void ToRecord_AnUnspecifiedEnum_IsNullAndAnotherByNumber()
    {
        Assert.Null(new Proto.Park { DisplayName = "x" }.ToRecord<Park>().ParkType);
        Assert.Equal(ParkType.NationalDevelopmentZone, new Proto.Park { ParkType = Proto.ParkType.NationalDevelopmentZone }.ToRecord<Park>().ParkType);
    }
}
