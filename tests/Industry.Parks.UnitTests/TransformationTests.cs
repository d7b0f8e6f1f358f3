using Industry.Parks.Domain;
using Industry.ServiceDefaults.Errors;

namespace Industry.Parks.UnitTests;

public sealed class TransformationTests
{
    private static readonly DateTime Later = ParkData.Now.AddDays(10);

    [Fact]
    public void Create_FirstLevel_IsOneMilestoneWithTheParksCity()
    {
        var transformation = New(TransformationLevel.DigitalWorkshop, 2023);

        Assert.Equal(("hefei-hitech/" + ParkData.Uscc(1), "parks/hefei-hitech/transformations/" + ParkData.Uscc(1)), (transformation.Id, transformation.Name));
        Assert.Equal((TransformationLevel.DigitalWorkshop, 2023, "340100", 1L), (transformation.Level, transformation.Year, transformation.CityCode, transformation.Version));
        var milestone = Assert.Single(transformation.Milestones);
        Assert.Equal((TransformationLevel.DigitalWorkshop, 2023, TransformationSource.Reported, "340100"), (milestone.Level, milestone.Year, milestone.Source, milestone.CityCode));
    }

    [Fact]
    public void Record_HigherLevel_AddsAMilestoneAndRaisesTheLevel()
    {
        var transformation = New(TransformationLevel.DigitallyTransformed, 2022);

        var change = transformation.Record(new LevelReached(TransformationLevel.SmartFactory, 2023, TransformationSource.Reported), null, null, Later, "bob");

        Assert.True(change.Raised);
        Assert.Empty(change.Described);
        Assert.Equal((TransformationLevel.SmartFactory, 2023, 2L, "bob"), (transformation.Level, transformation.Year, transformation.Version, transformation.UpdateActor));
        Assert.Equal([(TransformationLevel.DigitallyTransformed, 2022), (TransformationLevel.SmartFactory, 2023)], transformation.Milestones.Select(m => (m.Level, m.Year)));
    }

    [Fact]
    public void Record_SameLevelAndYear_IsIdempotent()
    {
        var transformation = New(TransformationLevel.DigitalWorkshop, 2023);

        var change = transformation.Record(new LevelReached(TransformationLevel.DigitalWorkshop, 2023, TransformationSource.Reported), null, null, Later, "bob");

        Assert.False(change.Raised || change.Described.Count > 0);
        Assert.Equal((1L, "alice"), (transformation.Version, transformation.UpdateActor));
    }

    [Fact]
    public void Record_SameLevelAndYearWithANewNote_DescribesOnly()
    {
        var transformation = New(TransformationLevel.DigitalWorkshop, 2023);

        var change = transformation.Record(new LevelReached(TransformationLevel.DigitalWorkshop, 2023, TransformationSource.Reported), null, "新的说明", Later, "bob");

        Assert.Equal((false, "note"), (change.Raised, string.Join(",", change.Described)));
        Assert.Equal(("新的说明", 2L), (transformation.Note, transformation.Version));
        Assert.Single(transformation.Milestones);
    }

    [Theory]
    [InlineData(TransformationLevel.DigitalWorkshop, 2024)]      // same level, another year
    [InlineData(TransformationLevel.DigitallyTransformed, 2024)] // lower
    public void Record_NotHigher_IsFailedPreconditionAndChangesNothing(TransformationLevel level, int year)
    {
        var transformation = New(TransformationLevel.DigitalWorkshop, 2023);

        var error = Assert.Throws<ServiceException>(() =>
            transformation.Record(new LevelReached(level, year, TransformationSource.Reported), "改名", "说明", Later, "bob"));

        Assert.Equal((ErrorKind.FailedPrecondition, "TRANSFORMATION_LEVEL_NOT_HIGHER"), (error.Kind, error.Reason));
        Assert.Equal("TRANSFORMATION_LEVEL_DIGITAL_WORKSHOP", error.Metadata["current_level"]);
        Assert.Equal((TransformationLevel.DigitalWorkshop, 1L, "企业", ""), (transformation.Level, transformation.Version, transformation.EnterpriseDisplayName, transformation.Note));
    }

    [Fact]
    public void Record_HigherLevelInAnEarlierYear_IsInvalidArgumentOnYear()
    {
        var transformation = New(TransformationLevel.DigitalWorkshop, 2023);

        var error = Assert.Throws<ServiceException>(() =>
            transformation.Record(new LevelReached(TransformationLevel.SmartFactory, 2022, TransformationSource.Reported), null, null, Later, "bob"));

        Assert.Equal(("year", ErrorKind.InvalidArgument), (Assert.Single(error.FieldViolations).Field, error.Kind));
        Assert.Single(transformation.Milestones);
    }

    [Fact]
    public void Record_FromAProject_KeepsTheProjectOnRecordAndMilestone()
    {
        var transformation = New(TransformationLevel.DigitallyTransformed, 2022);

        transformation.Record(new LevelReached(TransformationLevel.DigitalWorkshop, 2023, TransformationSource.Project, "projects/p-1"), null, null, Later, ProjectCompletion.Actor);

        Assert.Equal((TransformationSource.Project, "projects/p-1", "service:parks"), (transformation.Source, transformation.Project, transformation.UpdateActor));
        Assert.Equal("projects/p-1", transformation.Milestones[^1].Project);
    }

    [Fact]
    public void Describe_ChangedFields_AreReported()
    {
        var transformation = New(TransformationLevel.DigitalWorkshop, 2023);

        Assert.Equal(["enterprise_display_name"], transformation.Describe("新名称", string.Empty, Later, "bob"));
        Assert.Empty(transformation.Describe("新名称", string.Empty, Later, "bob"));
        Assert.Equal(2L, transformation.Version);
    }

    [Fact]
    public void ApiName_EveryLevel_IsTheProtoName() =>
        Assert.Equal(
            ["TRANSFORMATION_LEVEL_DIGITALLY_TRANSFORMED", "TRANSFORMATION_LEVEL_DIGITAL_WORKSHOP", "TRANSFORMATION_LEVEL_SMART_FACTORY", "TRANSFORMATION_LEVEL_DIGITAL_LEADER"],
            Enum.GetValues<TransformationLevel>().Select(Transformation.ApiName));

    private static Transformation New(TransformationLevel level, int year) =>
        Transformation.Create(ParkData.Applied(), ParkData.Uscc(1), "企业", string.Empty, new LevelReached(level, year, TransformationSource.Reported), ParkData.Now, "alice");
}
