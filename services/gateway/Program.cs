using Industry.Gateway.Health;
using Industry.Gateway.Proxy;
using Industry.ServiceDefaults.Hosting;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults(new ServiceIdentity("gateway"));
builder.AddGatewayProxy();
builder.AddBackendHealthChecks();

var app = builder.Build();
app.MapServiceDefaults();
app.MapGatewayProxy();
await app.RunServiceAsync(args);
