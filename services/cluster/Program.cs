using Industry.Cluster.Api;
using Industry.Cluster.Data;
using Industry.Cluster.Messaging;
using Industry.Cluster.Writes;
using Industry.ServiceDefaults.Data;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Idempotency;

var identity = new ServiceIdentity("cluster");
var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults(identity);
builder.AddServiceDatabase<ClusterDbContext, SqliteClusterDbContext, PostgresClusterDbContext>(identity);
builder.AddClusterMessaging();
builder.AddRequestIdempotency();
builder.Services.AddScoped<ClusterTargetsWrites>();

var app = builder.Build();
app.MapServiceDefaults();
app.MapGrpcService<ClusterApi>();
await app.RunServiceAsync(args);
