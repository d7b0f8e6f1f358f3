using Industry.ServiceDefaults.ServiceClients;

namespace Industry.Gateway.Overview;

/// <summary>
/// The deadline of each section's call: the service's own (<c>Services:&lt;name&gt;:DeadlineSeconds</c>, 5 s by
/// default), cut to end <see cref="Margin"/> before the caller's deadline, so that a section that times out is reported
/// as unavailable while the caller still waits for the answer.
/// </summary>
internal sealed class OverviewDeadlines(IConfiguration configuration, TimeProvider clock)
{
    /// <summary>Time kept to compose and send the answer after the last section gave up.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(250);

    public DateTime For(string service, DateTime callerDeadline)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var own = now + GrpcClientExtensions.DeadlineOf(configuration, service);
        if (callerDeadline == DateTime.MaxValue)
        {
            return own;
        }

        var beforeCaller = callerDeadline.ToUniversalTime() - Margin;
        return beforeCaller < own ? (beforeCaller > now ? beforeCaller : now) : own;
    }
}
