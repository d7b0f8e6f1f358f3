using Industry.Projects.Api;
using Industry.Projects.Data;
using Industry.Projects.Messaging;
using Industry.Projects.References;
using Industry.Projects.Writes;
using Industry.ServiceDefaults.Data;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Idempotency;
using Industry.ServiceDefaults.Messaging;

var identity = new ServiceIdentity("projects");
var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults(identity);
builder.AddServiceDatabase<ProjectsDbContext, SqliteProjectsDbContext, PostgresProjectsDbContext>(identity);
builder.AddServiceMessaging();
builder.AddWritePipeline();
builder.AddReferenceChecks();
builder.Services.AddScoped<ProjectWrites>().AddScoped<InvestmentReportWrites>().AddScoped<ProjectImportWrites>().AddScoped<PlanWrites>().AddScoped<ReportingPeriodWrites>();
builder.Services.AddScoped<OverdueReminderWrites>();
var reminders = builder.Configuration.GetSection(OverdueReminderOptions.Section).Get<OverdueReminderOptions>() ?? new OverdueReminderOptions();
builder.Services.AddSingleton(reminders);
if (reminders.Enabled)
{
    builder.Services.AddHostedService<OverdueReminderJob>();
}

var app = builder.Build();
app.MapServiceDefaults();
app.MapGrpcService<ProjectsApi>();
await app.RunServiceAsync(args);
