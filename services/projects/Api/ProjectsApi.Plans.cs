using System.Globalization;
using Grpc.Core;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Pagination;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>ListPlans: the annual plans, latest year first, keyset-paged by year.</summary>
internal sealed partial class ProjectsApi
{
    public override async Task<Proto.ListPlansResponse> ListPlans(Proto.ListPlansRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Normalize(request.PageSize);
        var scope = PageTokenCodec.Scope(nameof(ListPlans));
        var query = db.Plans.AsNoTracking();
        if (request.PageToken.Length > 0)
        {
            var keys = pageTokens.Decode(request.PageToken, scope);
            if (keys.Count != 1 || !int.TryParse(keys[0], NumberStyles.None, CultureInfo.InvariantCulture, out var lastYear))
            {
                throw ServiceException.InvalidArgument("page_token", "is not a token of ListPlans; start again without a page_token.");
            }

            query = query.Where(p => p.Year < lastYear);
        }

        var page = await query.OrderByDescending(p => p.Year).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        var response = new Proto.ListPlansResponse { Plans = { page.Take(pageSize).Select(p => p.ToProto()) } };
        if (page.Count > pageSize)
        {
            response.NextPageToken = pageTokens.Encode(scope, [page[pageSize - 1].Year.ToString(CultureInfo.InvariantCulture)]);
        }

        return response;
    }
}
