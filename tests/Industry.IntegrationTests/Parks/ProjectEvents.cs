using Industry.Projects.V1;
using Industry.TestInfrastructure;

namespace Industry.IntegrationTests.Parks;

/// <summary>The projects service's <c>ProjectStateChanged</c> made by hand (published with <see cref="EventPublisher"/>), to replay, duplicate or reorder it.</summary>
public static class ProjectEvents
{
    /// <summary>
    /// The event of <paramref name="project"/> (<c>projects/{id}</c>) at <paramref name="version"/> after moving to
    /// <paramref name="state"/>, completed on <paramref name="completed"/>, built in <paramref name="county"/> (Hefei's 蜀山区
    /// unless told; the city follows from it, as the projects service derives it).
    /// </summary>
    public static ProjectStateChanged StateChanged(string project, long version, ProjectState state, string park, string uscc, bool digital = true, DateOnly? completed = null, string county = "340104")
    {
        var date = completed ?? new DateOnly(2024, 6, 30);
        return new ProjectStateChanged
        {
            Metadata = EventPublisher.Metadata<ProjectStateChanged>(project, version),
            Project = new Project
            {
                Name = project,
                CountyCode = county,
                CityCode = Industry.ServiceDefaults.Reference.Divisions.CityOf(county)?.Code ?? string.Empty,
                EnterpriseUscc = uscc,
                EnterpriseDisplayName = "安徽数字化改造示范有限公司",
                Park = park,
                DigitalTransformation = digital,
                State = state,
                ActualCompletionDate = state is ProjectState.Completed or ProjectState.InProduction
                    ? new Google.Type.Date { Year = date.Year, Month = date.Month, Day = date.Day }
                    : null,
            },
            PreviousState = state == ProjectState.InProduction ? ProjectState.Completed : ProjectState.UnderConstruction,
        };
    }
}
