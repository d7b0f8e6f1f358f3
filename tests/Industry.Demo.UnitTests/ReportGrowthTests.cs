using Industry.Demo.Plan;
using Industry.ServiceDefaults.Reference;

namespace Industry.Demo.UnitTests;

/// <summary>
/// Every growth statement of the report the data can express (<c>report-growth.csv</c>) comes out of the plan's two
/// years, counted by the progress definitions: exactly at full scale, as near as whole counts allow at a tenth.
/// </summary>
public sealed class ReportGrowthTests
{
    public static TheoryData<string, string> Statements
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var statement in ReportGrowth.AnsweredByTheApi)
            {
                foreach (var scale in DemoScale.All)
                {
                    data.Add(statement.Id, scale.Name);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void GrowthStatement_ComesOutOfThePlan(string id, string scale)
    {
        var statement = ReportGrowth.All.Single(g => g.Id == id);
        var plan = Plans.Of(scale);
        var current = DemoFigures.Of(plan, statement.Year, statement.ThroughMonth);
        var previous = DemoFigures.Of(plan, statement.Year - 1, statement.ThroughMonth);

        var growth = GrowthFigures.GrowthOf(statement, current, previous);

        Assert.NotNull(growth);
        Assert.InRange((decimal)growth.Value, statement.GrowthPercent - (decimal)GrowthFigures.Tolerance(statement, current, previous, plan.Scale),
            statement.GrowthPercent + (decimal)GrowthFigures.Tolerance(statement, current, previous, plan.Scale));
    }

    [Fact]
    public void EveryStatement_IsAboutAReportFigure_AndTheDataSetAnswersSome()
    {
        Assert.All(ReportGrowth.All, g => Assert.Equal(g.Year, int.Parse(ReportFigures.Get(g.Figure).Period[..4], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(ReportGrowth.All, g => g.Figure == "C9" && g.Answered);
    }

    [Fact]
    public void InnovativeSmes2022_AreTheOnesThe308PercentNeeds()
    {
        Assert.Equal(2_147, DemoFigures.Of(Plans.Full, 2022).NewQualifications[Clusters.V1.QualificationType.InnovativeSme]);
    }
}
