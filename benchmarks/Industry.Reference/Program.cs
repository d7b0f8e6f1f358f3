using System.Text;
using Industry.Reference;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

// The minimal hand-written service the suite's cost per call is measured against (issue #23): grpc-dotnet, EF Core with
// Npgsql, logging off, optionally the stock JWT bearer handler on the same key type as the suite's benchmark tokens.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddGrpc();
builder.Services.AddDbContextPool<ReferenceDb>(o => o.UseNpgsql(builder.Configuration.GetConnectionString("reference")));
var key = builder.Configuration["Reference:SigningKey"];
if (key is { Length: > 0 })
{
    builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
    {
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = builder.Configuration["Reference:Issuer"],
            ValidAudience = builder.Configuration["Reference:Audience"],
            IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(key)),
        };
    });
    builder.Services.AddAuthorization();
}

var app = builder.Build();
using (var scope = app.Services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<ReferenceDb>().SeedAsync(builder.Configuration.GetValue("Reference:SeedRows", 64));
}

var projects = app.MapGrpcService<ReferenceProjects>();
if (key is { Length: > 0 })
{
    projects.RequireAuthorization();
}

app.MapGrpcService<ReferenceNoop>();
app.MapGet("/ready", () => Results.Text("ready", "text/plain", Encoding.UTF8));
await app.RunAsync();
