using Industry.Clusters.Api;
using Industry.Clusters.Data;
using Industry.Clusters.Messaging;
using Industry.Clusters.Writes;
using Industry.ServiceDefaults.Data;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Idempotency;

var identity = new ServiceIdentity("cluster");
var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults(identity);
builder.AddServiceDatabase<ClusterDbContext, SqliteClusterDbContext, PostgresClusterDbContext>(identity);
builder.AddClusterMessaging();
builder.AddWritePipeline();
builder.Services.AddScoped<ClusterWrites>().AddScoped<EnterpriseWrites>().AddScoped<ClusterMemberWrites>().AddScoped<RevenueReportWrites>().AddScoped<ClusterTargetsWrites>().AddScoped<PerMuEvaluationWrites>();

var app = builder.Build();
app.MapServiceDefaults();
app.MapGrpcService<ClusterApi>();
await app.RunServiceAsync(args);
