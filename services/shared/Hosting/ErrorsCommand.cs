using Industry.ServiceDefaults.Messaging.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Industry.ServiceDefaults.Hosting;

/// <summary>
/// <c>dotnet Industry.X.dll errors list|show &lt;id&gt;|replay &lt;id&gt;|replay all|purge [&lt;id&gt;]</c>: the operator's view of
/// the messages in the service's error queues with why they failed, and the way to send them back to their consumer
/// queue once the cause is fixed, or to drop them (docs/events.md, docs/deploy.md). Runs against the broker with the
/// service's usual configuration, without consuming, then exits.
/// </summary>
public static class ErrorsCommand
{
    public const string Name = "errors";

    private const string Usage = "usage: Industry.X errors list | errors show <message-id> | errors replay <message-id> | errors replay all | errors purge [<message-id>]";

    /// <summary>Longest reason <c>list</c> prints on a message's line; <c>show</c> prints it whole.</summary>
    private const int ReasonWidth = 300;

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output, TextWriter errors)
    {
        if (app.Services.GetService<ErrorQueues>() is not { } queues)
        {
            await errors.WriteLineAsync("This service has no broker connection, so no error queues.");
            return 2;
        }

        var cancellationToken = app.Lifetime.ApplicationStopping;
        switch (args.Skip(1).ToArray())
        {
            case ["list"]:
                var messages = await queues.ListAsync(cancellationToken);
                await output.WriteLineAsync("queue\tmessage_id\tevent_type\tsubject\tfault_time\treason");
                foreach (var message in messages)
                {
                    await output.WriteLineAsync(string.Join('\t', message.Queue, message.MessageId ?? "-", message.EventType ?? "-", message.Subject ?? "-", message.FaultTime ?? "-", OneLine(message.Reason)));
                }

                await errors.WriteLineAsync($"{messages.Count} message(s) in the error queues.");
                return 0;
            case ["show", var id]:
                var shown = (await queues.ListAsync(cancellationToken)).Where(m => string.Equals(m.MessageId, id, StringComparison.OrdinalIgnoreCase)).ToList();
                foreach (var message in shown)
                {
                    await output.WriteLineAsync($"queue: {message.Queue}\nmessage_id: {message.MessageId}\nreason: {message.Reason}");
                    foreach (var (name, value) in message.Headers.OrderBy(h => h.Key, StringComparer.Ordinal))
                    {
                        await output.WriteLineAsync($"header {name}: {value}");
                    }

                    await output.WriteLineAsync($"body: {message.BodyText}\n");
                }

                return shown.Count > 0 ? 0 : 1;
            case ["replay", "all"]:
                await output.WriteLineAsync($"replayed {await queues.ReplayAsync(null, cancellationToken)}");
                return 0;
            case ["replay", var id]:
                var replayed = await queues.ReplayAsync(id, cancellationToken);
                await output.WriteLineAsync($"replayed {replayed}");
                return replayed > 0 ? 0 : 1;
            case ["purge"]:
                await output.WriteLineAsync($"purged {await queues.PurgeAsync(null, cancellationToken)}");
                return 0;
            case ["purge", var id]:
                var purged = await queues.PurgeAsync(id, cancellationToken);
                await output.WriteLineAsync($"purged {purged}");
                return purged > 0 ? 0 : 1;
            default:
                await errors.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Replace('\t', ' ');
        return line.Length <= ReasonWidth ? line : line[..ReasonWidth] + "…";
    }
}
