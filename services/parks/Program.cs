using Industry.Parks.Api;
using Industry.Parks.Data;
using Industry.Parks.Messaging;
using Industry.Parks.Writes;
using Industry.ServiceDefaults.Data;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Idempotency;

var identity = new ServiceIdentity("parks");
var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults(identity);
builder.AddServiceDatabase<ParksDbContext, SqliteParksDbContext, PostgresParksDbContext>(identity);
builder.AddParksMessaging();
builder.AddWritePipeline();
builder.Services.AddScoped<ParkWrites>();
builder.Services.AddScoped<TransformationWrites>();
builder.Services.AddScoped<DigitalTargetsWrites>();

var app = builder.Build();
app.MapServiceDefaults();
app.MapGrpcService<ParksApi>();
await app.RunServiceAsync(args);
