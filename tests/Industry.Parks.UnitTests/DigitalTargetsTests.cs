using Industry.Parks.Domain;

namespace Industry.Parks.UnitTests;

public sealed class DigitalTargetsTests
{
    [Fact]
    public void Start_New_IsVersionOneWithTheChangedFields()
    {
        var targets = new DigitalTargets(2025);

        var changed = targets.Start(Draft(20, 6000, null, [new DigitalCityTarget("340100", 3, null, null)]), ParkData.Now, "admin");

        Assert.Equal(["parks_certified", "enterprises_transformed", "city_targets"], changed);
        Assert.Equal(1L, targets.Version);
    }

    [Fact]
    public void Revise_Existing_BumpsTheVersionOnlyWhenSomethingChanges()
    {
        var stored = new DigitalTargets(2025);
        stored.Start(Draft(20, null, null, []), ParkData.Now, "admin");

        Assert.Empty(stored.Revise(Draft(20, null, null, []), ParkData.Now.AddDays(1), "bob"));
        Assert.Equal(["workshops_factories_leaders"], stored.Revise(Draft(20, null, 200, []), ParkData.Now.AddDays(1), "bob"));
        Assert.Equal((2L, "bob"), (stored.Version, stored.UpdateActor));
    }

    [Fact]
    public void Revise_CitiesInAnotherOrder_AreUnchanged()
    {
        var targets = new DigitalTargets(2025);
        targets.Start(Draft(null, null, null, [new("340200", 1, null, null), new("340100", 2, null, null)]), ParkData.Now, "admin");

        Assert.Empty(targets.Revise(Draft(null, null, null, [new("340100", 2, null, null), new("340200", 1, null, null)]), ParkData.Now, "admin"));
        Assert.Equal(["340100", "340200"], targets.CityTargets.Select(c => c.CityCode));
    }

    private static DigitalTargetsDraft Draft(int? parks, int? enterprises, int? leaders, IReadOnlyList<DigitalCityTarget> cities) =>
        new(parks, enterprises, leaders, cities);
}
