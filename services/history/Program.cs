using Industry.History.Api;
using Industry.History.Data;
using Industry.History.Messaging;
using Industry.ServiceDefaults.Data;
using Industry.ServiceDefaults.Hosting;

var identity = new ServiceIdentity("history");
var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults(identity);
builder.PrepareStatements(identity);
builder.AddServiceDatabase<HistoryDbContext, SqliteHistoryDbContext, PostgresHistoryDbContext>(identity);
builder.AddHistoryMessaging();

var app = builder.Build();
app.MapServiceDefaults();
app.MapGrpcService<HistoryApi>();
await app.RunServiceAsync(args);
