using Google.Rpc;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>Import rows from the wire and their failures back to it.</summary>
internal static class ProjectImportMapping
{
    /// <summary>
    /// The row with its draft (null when it has no project) and the problems met while reading it. A date that does not exist
    /// is reported and then read as absent, so that the rest of the row is still checked and every bad field of the
    /// row comes back in one answer, as CreateProject would report them.
    /// </summary>
    public static ReceivedImportRow Read(Proto.ImportProjectsRequest row)
    {
        var project = row.Project;
        if (project is null)
        {
            return new(row.RowNumber, null, []);
        }

        var violations = new List<FieldViolation>();
        while (true)
        {
            try
            {
                return new(row.RowNumber, project.ToDraft(), violations);
            }
            catch (ServiceException ex) when (ex.Kind == ErrorKind.InvalidArgument && violations.Count < 2)
            {
                violations.AddRange(ex.FieldViolations);
                project = project.Clone();
                if (ex.FieldViolations.Any(v => v.Field == "project.planned_start_date"))
                {
                    project.PlannedStartDate = null;
                }
                else
                {
                    project.PlannedCompletionDate = null;
                }
            }
        }
    }

    public static Proto.ImportProjectsFailure ToProto(this ImportRowFailure failure) => new()
    {
        RowNumber = failure.RowNumber,
        ProjectCode = failure.ProjectCode,
        Code = ErrorStatusMapper.ToCode(failure.Kind),
        Message = failure.Message,
        FieldViolations =
        {
            failure.FieldViolations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }),
        },
    };
}
