using Industry.Parks.Domain;

namespace Industry.Parks.UnitTests;

public sealed class DigitalTargetsTests
{
    [Fact]
    public void Set_New_IsVersionOneWithTheChangedFields()
    {
        var targets = new DigitalTargets(2025, ParkData.Now, "admin");

        var changed = targets.Set(20, 6000, null, [new DigitalCityTarget("340100", 3, null, null)], ParkData.Now, "admin");

        Assert.Equal(["parks_certified", "enterprises_transformed", "city_targets"], changed);
        Assert.Equal(1L, targets.Version);
    }

    [Fact]
    public void Set_Existing_BumpsTheVersionOnlyWhenSomethingChanges()
    {
        var targets = new DigitalTargets(2025, ParkData.Now, "admin");
        targets.Set(20, null, null, [], ParkData.Now, "admin");
        var stored = Reloaded(targets);

        Assert.Empty(stored.Set(20, null, null, [], ParkData.Now.AddDays(1), "bob"));
        Assert.Equal(["workshops_factories_leaders"], stored.Set(20, null, 200, [], ParkData.Now.AddDays(1), "bob"));
        Assert.Equal((2L, "bob"), (stored.Version, stored.UpdateActor));
    }

    [Fact]
    public void Set_CitiesInAnotherOrder_AreUnchanged()
    {
        var targets = Reloaded(new DigitalTargets(2025, ParkData.Now, "admin"));
        targets.Set(null, null, null, [new("340200", 1, null, null), new("340100", 2, null, null)], ParkData.Now, "admin");

        Assert.Empty(targets.Set(null, null, null, [new("340100", 2, null, null), new("340200", 1, null, null)], ParkData.Now, "admin"));
        Assert.Equal(["340100", "340200"], targets.CityTargets.Select(c => c.CityCode));
    }

    /// <summary>The targets as a later call loads them: not created in that call.</summary>
    private static DigitalTargets Reloaded(DigitalTargets targets)
    {
        var loaded = (DigitalTargets)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(DigitalTargets));
        foreach (var property in typeof(DigitalTargets).GetProperties())
        {
            if (property.CanWrite || property.SetMethod is not null)
            {
                property.SetValue(loaded, property.GetValue(targets));
            }
        }

        return loaded;
    }
}
