using System.Globalization;
using Grpc.Core;
using Industry.Reference.V1;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Pagination;
using Industry.ServiceDefaults.Reference;
using Industry.ServiceDefaults.Resources;
using DivisionLevel = Industry.Reference.V1.DivisionLevel;
using Places = Industry.ServiceDefaults.Reference;

namespace Industry.Gateway.Reference;

/// <summary>
/// 参考数据: Anhui's divisions (GB/T 2260) and the display labels of the contracts' enum values, served by the gateway
/// from the copies every process carries (ADR 0034), so that clients stop carrying their own.
/// </summary>
internal sealed class ReferenceApi(PageTokenCodec pageTokens) : ReferenceService.ReferenceServiceBase
{
    private const string Collection = "divisions";

    private static readonly HashSet<string> EnumTypes = [.. EnumLabels.All.Select(l => l.EnumType)];

    public override Task<Industry.Reference.V1.Division> GetDivision(GetDivisionRequest request, ServerCallContext context)
    {
        var division = Divisions.Find(ResourceName.Id(request.Name, Collection)) ?? throw ServiceException.NotFound(request.Name);
        return Task.FromResult(ToProto(division));
    }

    public override Task<ListDivisionsResponse> ListDivisions(ListDivisionsRequest request, ServerCallContext context)
    {
        var parentCode = request.Parent.Length > 0 ? ResourceName.Id(request.Parent, Collection, "parent") : null;
        if (!Enum.IsDefined(request.Level))
        {
            throw ServiceException.InvalidArgument("level", "must be a DivisionLevel value or unspecified.");
        }

        if (parentCode is not null && Divisions.Find(parentCode) is null)
        {
            throw ServiceException.NotFound(request.Parent);
        }

        var level = request.Level;
        IReadOnlyList<Places.Division> matching =
        [
            .. Divisions.All.Where(d => (parentCode is null || d.ParentCode == parentCode) && (level == DivisionLevel.Unspecified || LevelOf(d) == level)),
        ];
        var scope = PageTokenCodec.Scope(nameof(ListDivisions), request.Parent, ((int)level).ToString(CultureInfo.InvariantCulture));
        var (page, next) = pageTokens.Page(matching, request.PageSize, request.PageToken, scope);
        return Task.FromResult(new ListDivisionsResponse { Divisions = { page.Select(ToProto) }, NextPageToken = next, TotalSize = matching.Count });
    }

    public override Task<ListEnumLabelsResponse> ListEnumLabels(ListEnumLabelsRequest request, ServerCallContext context)
    {
        if (request.EnumType.Length > 0 && !EnumTypes.Contains(request.EnumType))
        {
            throw ServiceException.InvalidArgument("enum_type", "must be the full name of an enum of the contracts, e.g. 'industry.projects.v1.ProjectState', or empty.");
        }

        IReadOnlyList<EnumValueLabel> matching = request.EnumType.Length == 0
            ? EnumLabels.All
            : [.. EnumLabels.All.Where(l => l.EnumType == request.EnumType)];
        var (page, next) = pageTokens.Page(matching, request.PageSize, request.PageToken, PageTokenCodec.Scope(nameof(ListEnumLabels), request.EnumType));
        return Task.FromResult(new ListEnumLabelsResponse
        {
            Labels =
            {
                page.Select(l => new EnumLabel { EnumType = l.EnumType, Value = l.Value, Number = l.Number, DisplayName = l.Chinese, EnglishName = l.English }),
            },
            NextPageToken = next,
            TotalSize = matching.Count,
        });
    }

    private static Industry.Reference.V1.Division ToProto(Places.Division division) => new()
    {
        Name = $"{Collection}/{division.Code}",
        Code = division.Code,
        DisplayName = division.Name,
        Level = LevelOf(division),
        Parent = division.ParentCode is null ? string.Empty : $"{Collection}/{division.ParentCode}",
    };

    private static DivisionLevel LevelOf(Places.Division division) => division.Level switch
    {
        Places.DivisionLevel.Province => DivisionLevel.Province,
        Places.DivisionLevel.City => DivisionLevel.City,
        _ => DivisionLevel.County,
    };
}
