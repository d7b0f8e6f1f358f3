using Google.Rpc;
using Grpc.Core;
using Industry.Gateway.Spreadsheets.Exports;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Errors;

namespace Industry.Gateway.Spreadsheets.Imports;

/// <summary>
/// A row the service refused, in Chinese for the result column: what kind of refusal, then each invalid field by its
/// column header with the service's own description (its field violations are English, the same for every client).
/// </summary>
internal static class ImportFailures
{
    /// <summary>How a refusal of a report outside the caller's city or county begins.</summary>
    private const string Refused = "无权报送：";

    private static readonly Dictionary<string, string> Headers = new(StringComparer.Ordinal)
    {
        ["project.display_name"] = ProjectColumns.DisplayName,
        ["project.project_code"] = ProjectColumns.ProjectCode,
        ["project.enterprise_uscc"] = ProjectColumns.EnterpriseUscc,
        ["project.enterprise_display_name"] = ProjectColumns.EnterpriseName,
        ["project.county_code"] = ProjectColumns.County,
        ["project.industry"] = ProjectColumns.Industry,
        ["project.gbt4754_class"] = ProjectColumns.Gbt4754Class,
        ["project.nature"] = ProjectColumns.Nature,
        ["project.total_investment_yuan"] = ProjectColumns.TotalInvestment,
        ["project.equipment_investment_yuan"] = ProjectColumns.EquipmentInvestment,
        ["project.planned_start_date"] = ProjectColumns.PlannedStart,
        ["project.planned_completion_date"] = ProjectColumns.PlannedCompletion,
        ["project.cluster"] = ProjectColumns.Cluster,
        ["project.park"] = ProjectColumns.Park,
        ["project.digital_transformation"] = ProjectColumns.DigitalTransformation,
        ["project.description"] = ProjectColumns.Description,
    };

    public static string Chinese(ImportProjectsFailure failure)
    {
        var kind = (Google.Rpc.Code)failure.Code switch
        {
            Google.Rpc.Code.InvalidArgument => "数据有误",
            Google.Rpc.Code.PermissionDenied => "无权导入：项目不在您的辖区内",
            Google.Rpc.Code.AlreadyExists => "项目标识已被另一个项目使用",
            Google.Rpc.Code.FailedPrecondition => "所属集群或所在园区不存在",
            Google.Rpc.Code.Aborted => "该项目正被他人修改，请重新导入此行",
            _ => "导入失败",
        };
        var fields = failure.FieldViolations.Select(v => $"{Headers.GetValueOrDefault(v.Field, v.Field)} {v.Description}").ToList();
        return fields.Count == 0 ? $"{kind}（{failure.Message}）" : $"{kind}：{string.Join("；", fields)}";
    }

    /// <summary>
    /// A row's call that failed (<c>ReportInvestment</c>): the Chinese text of its reason (<c>ErrorInfo.reason</c>, the
    /// suite's catalogue, ADR 0034) and its field violations under the column headers of <paramref name="headers"/>.
    /// </summary>
    public static string Chinese(RpcException error, IReadOnlyDictionary<string, string> headers)
    {
        var status = error.GetRpcStatus();
        var reason = status?.GetDetail<ErrorInfo>()?.Reason;
        var text = error.StatusCode switch
        {
            // The catalogue's text for INVALID_ARGUMENT speaks of "the request"; the row's fields follow.
            StatusCode.InvalidArgument => "数据有误",
            StatusCode.PermissionDenied => Refusal(reason),
            _ => Catalogue(reason, error.StatusCode switch
            {
                StatusCode.Unavailable or StatusCode.DeadlineExceeded => "服务暂时不可用，请稍后重新导入此行",
                StatusCode.Aborted => "该记录正被他人修改，请重新导入此行",
                _ => "导入失败",
            }),
        };
        var fields = status?.GetDetail<BadRequest>()?.FieldViolations.Select(v => $"{headers.GetValueOrDefault(v.Field, v.Field)} {v.Description}").ToList() ?? [];
        return fields.Count == 0 ? text : $"{text}：{string.Join("；", fields)}";
    }

    /// <summary>A refused write, with the catalogue's text of its reason (OUTSIDE_CALLER_CITY: 您只能修改本市的记录).</summary>
    public static string Refusal(string? reason) => Refused + Catalogue(reason, "您没有执行此操作的权限");

    private static string Catalogue(string? reason, string otherwise) =>
        reason is not null && ErrorTexts.All.TryGetValue(reason, out var texts) ? texts.Chinese.TrimEnd('。') : otherwise;
}
