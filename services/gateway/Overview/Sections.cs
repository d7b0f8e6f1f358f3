using Grpc.Core;
using Industry.Overview.V1;

namespace Industry.Gateway.Overview;

/// <summary>
/// One section of a composed view (the province overview, an enterprise profile): a call to one service under that
/// service's section deadline (<see cref="OverviewDeadlines"/>), whose failure becomes the section's error instead of
/// failing the view, so a failed or slow service costs only its section and the view still answers in time.
/// </summary>
internal sealed class Sections(OverviewDeadlines deadlines)
{
    /// <summary>The section's value, or the error that stands in for it.</summary>
    public async Task<(T? Value, Google.Rpc.Status? Error)> CallAsync<T>(Func<DateTime, Task<T>> call, string service, ServerCallContext context)
        where T : class
    {
        try
        {
            return (await call(deadlines.For(service, context.Deadline)), null);
        }
        catch (RpcException ex)
        {
            var status = ex.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)ex.StatusCode, Message = ex.Status.Detail };
            return (null, status);
        }
    }

    public static SectionState StateOf(Google.Rpc.Status? error) => error is null ? SectionState.Available : SectionState.Unavailable;
}
