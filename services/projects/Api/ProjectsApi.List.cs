using Grpc.Core;
using Industry.Projects.Data;
using Industry.Projects.Domain;
using Industry.ServiceDefaults.Pagination;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>ListProjects: filtered, ordered, keyset-paged in SQL (the page token holds the last row's sort keys).</summary>
internal sealed partial class ProjectsApi
{
    public override async Task<Proto.ListProjectsResponse> ListProjects(Proto.ListProjectsRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Normalize(request.PageSize);
        var filter = ProjectListing.Filter.Translate(request.Filter);
        var order = ProjectListing.Order.Parse(request.OrderBy);

        // A token continues only the query it was issued for: same filter, same order.
        var scope = PageTokenCodec.Scope(nameof(ListProjects), request.Filter, request.OrderBy);
        IQueryable<Project> query = db.Projects.AsNoTracking();
        if (filter is not null)
        {
            query = query.Where(filter);
        }

        if (request.PageToken.Length > 0)
        {
            query = order.After(query, pageTokens.Decode(request.PageToken, scope));
        }

        var page = await order.Apply(query).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        var response = new Proto.ListProjectsResponse { Projects = { page.Take(pageSize).Select(p => p.ToProto()) } };
        if (page.Count > pageSize)
        {
            response.NextPageToken = pageTokens.Encode(scope, order.TokenKeys(page[pageSize - 1]));
        }

        return response;
    }
}
