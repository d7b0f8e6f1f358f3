using Industry.ServiceDefaults.Security;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>
/// Who may call what (DESIGN.md 3.5): reads need any role; projects, investment reports and imports are written by a
/// province admin or a city editor in its own city (the methods check the city); plans by a province admin only.
/// </summary>
internal static class ProjectAccess
{
    public static readonly MethodPermissions Table = MethodPermissions.For(Proto.ProjectService.Descriptor, new Dictionary<string, Access>
    {
        ["CreateProject"] = Access.CityWrite,
        ["UpdateProject"] = Access.CityWrite,
        ["DeleteProject"] = Access.CityWrite,
        ["TransitionProject"] = Access.CityWrite,
        ["ReportInvestment"] = Access.CityWrite,
        ["BatchReportInvestments"] = Access.CityWrite,
        ["DeleteInvestmentReport"] = Access.CityWrite,
        ["ImportProjects"] = Access.CityWrite,
        ["UpdatePlan"] = Access.AdminWrite,
    });
}
