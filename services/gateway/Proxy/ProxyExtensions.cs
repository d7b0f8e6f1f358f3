using System.Net.Sockets;
using Industry.Gateway.Security;
using Yarp.ReverseProxy.Transforms;

namespace Industry.Gateway.Proxy;

/// <summary>
/// Routing to the services is configuration (<c>ReverseProxy</c> in appsettings.json: one route per gRPC service and
/// one per service's REST collections, h2c to every destination). The code here only adds what configuration
/// cannot say: a valid token before anything is forwarded, a default deadline on calls without one, a cap on long ones
/// and a refusal of expired ones (JSON calls included, <see cref="DeadlineMiddleware"/>), one destination per address a host name resolves to, and proper gRPC statuses when a backend cannot be reached.
/// </summary>
internal static class ProxyExtensions
{
    public static GatewayOptions AddGatewayProxy(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddSingleton(options);
        builder.Services
            .AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            // gRPC keeps an HTTP/2 connection per destination: a host name standing for several pods (a headless Service)
            // must become one destination per address, or every call would go down the one connection to one pod.
            .AddDnsDestinationResolver(dns =>
            {
                dns.RefreshPeriod = TimeSpan.FromSeconds(options.DnsRefreshSeconds);
                dns.AddressFamily = options.DnsIPv4Only ? AddressFamily.InterNetwork : null;
            })
            .AddTransforms(context => context.AddRequestTransform(transform =>
            {
                DeadlineHeader.Apply(transform.HttpContext.Request, transform.ProxyRequest, options.DefaultDeadline, options.MaxDeadline);
                return ValueTask.CompletedTask;
            }));
        return options;
    }

    public static WebApplication MapGatewayProxy(this WebApplication app)
    {
        app.MapReverseProxy(proxy =>
        {
            // A custom pipeline replaces YARP's default one: refuse what the contracts do not name or the caller may not
            // call, keep YARP's destination choice (round robin over the healthy destinations) and passive health, then
            // turn unreachable backends into gRPC statuses; refuse calls whose deadline has already passed, and bound JSON
            // calls by a deadline of the gateway's own.
            proxy.UseMiddleware<ProxyAccessMiddleware>();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
            proxy.UseMiddleware<ProxyErrorMiddleware>();
            proxy.UseMiddleware<DeadlineMiddleware>(); // innermost: it answers a deadline it cut before the error mapping sees it
        });
        return app;
    }
}
