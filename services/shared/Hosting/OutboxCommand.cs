using System.Globalization;
using Industry.ServiceDefaults.Messaging.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Industry.ServiceDefaults.Hosting;

/// <summary>
/// <c>dotnet Industry.X.dll outbox list|release &lt;id&gt;|release all</c>: the operator's view of the outbox rows the
/// relay quarantined, and the way to send them again once their cause is fixed (docs/events.md, docs/deploy.md).
/// Runs against the service's database with its usual configuration, then exits.
/// </summary>
public static class OutboxCommand
{
    public const string Name = "outbox";

    private const string Usage = "usage: Industry.X outbox list | outbox release <id> | outbox release all";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<DbContext>() is not { } db)
        {
            await Console.Error.WriteLineAsync("This service has no database, so no outbox.");
            return 2;
        }

        var cancellationToken = app.Lifetime.ApplicationStopping;
        switch (args.Skip(1).ToArray())
        {
            case ["list"]:
                var rows = await OutboxQuarantine.ListAsync(db, cancellationToken);
                Console.WriteLine("id\tevent_type\tsubject\tsubject_version\tattempts\tquarantine_time\tlast_error");
                foreach (var row in rows)
                {
                    Console.WriteLine(string.Join('\t', row.Id, row.EventType, row.Subject, row.SubjectVersion, row.Attempts, row.QuarantineTime?.ToString("O", CultureInfo.InvariantCulture), row.LastError));
                }

                await Console.Error.WriteLineAsync($"{rows.Count} quarantined row(s).");
                return 0;
            case ["release", "all"]:
                Console.WriteLine($"released {await OutboxQuarantine.ReleaseAsync(db, null, cancellationToken)}");
                return 0;
            case ["release", var text] when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                var released = await OutboxQuarantine.ReleaseAsync(db, id, cancellationToken);
                Console.WriteLine($"released {released}");
                return released == 1 ? 0 : 1;
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }
}
