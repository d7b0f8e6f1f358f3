using Industry.Gateway.ApiDocs;
using Industry.Gateway.Health;
using Industry.Gateway.Limits;
using Industry.Gateway.Overview;
using Industry.Gateway.Proxy;
using Industry.Gateway.Reference;
using Industry.Gateway.Security;
using Industry.Gateway.Spreadsheets;
using Industry.Gateway.Web;
using Industry.ServiceDefaults.Hosting;

var builder = ServiceHost.CreateBuilder(args);
if (MintTokenCommand.IsRequested(args))
{
    return MintTokenCommand.Run(builder, args);
}

builder.AddServiceDefaults(new ServiceIdentity("gateway"));
var options = builder.AddGatewayProxy();
builder.AddBackendHealthChecks();
builder.AddProvinceOverview();
builder.AddSpreadsheets();
builder.AddGatewayRateLimit(options);
builder.AddGatewayCors(options);

var app = builder.Build();
app.UseMiddleware<RequestSizeMiddleware>();
app.UseCors();
app.MapServiceDefaults(grpcWebForEveryEndpoint: false); // authentication (so the rate limit below knows the caller), health, reflection
app.UseGatewayRateLimit(options);
app.MapProvinceOverview();
app.MapReferenceData();
app.MapSpreadsheets(); // /v1/exports and /v1/imports (docs/spreadsheets.md)
app.MapApiDocs(); // /openapi/v1.json and /asyncapi/v1.json, without a token
app.MapWebPage(); // the page at / (web/), without a token; only GET/HEAD of its exact paths
app.MapGatewayProxy();
await app.RunServiceAsync(args);
return 0;
