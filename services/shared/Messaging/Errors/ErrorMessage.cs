using System.Collections;
using System.Globalization;
using System.Text;
using Industry.ServiceDefaults.Messaging.Wire;
using RabbitMQ.Client;

namespace Industry.ServiceDefaults.Messaging.Errors;

/// <summary>One message in a consumer queue's error queue, as the operator's <c>errors</c> command shows it.</summary>
/// <param name="Queue">The consumer queue it failed in, and goes back to when replayed.</param>
/// <param name="MessageId">The AMQP message id: the event id for the suite's events.</param>
/// <param name="Headers">Every header, values as text (the fault's stack trace among them).</param>
/// <param name="Properties">Its AMQP properties as they are in the error queue.</param>
/// <param name="Body">Its body, unchanged.</param>
public sealed record ErrorMessage(string Queue, string? MessageId, IReadOnlyDictionary<string, string> Headers, BasicProperties Properties, byte[] Body)
{
    /// <summary>The headers MassTransit adds when it moves a message to the error queue (MT-Fault-Message, …).</summary>
    private const string FaultPrefix = "MT-Fault-";

    public string? EventType => Headers.GetValueOrDefault(CloudEventHeaders.Type);

    public string? Subject => Headers.GetValueOrDefault(CloudEventHeaders.Subject);

    public string? FaultTime => Headers.GetValueOrDefault(FaultPrefix + "Timestamp");

    /// <summary>
    /// The consumer's exception (type and message), or the broker's reason when it dead-lettered the message itself
    /// (<c>delivery_limit</c>: the processes that received it died or stopped before acknowledging it, too often).
    /// </summary>
    public string Reason =>
        Headers.TryGetValue(FaultPrefix + "ExceptionType", out var type) | Headers.TryGetValue(FaultPrefix + "Message", out var message)
            ? $"{type}: {message}"
            : Headers.TryGetValue("x-first-death-reason", out var death) ? $"dead-lettered by the broker: {death}" : "unknown";

    public string BodyText => Encoding.UTF8.GetString(Body);

    public static ErrorMessage From(string queue, BasicGetResult delivery)
    {
        var properties = new BasicProperties(delivery.BasicProperties);
        var headers = (delivery.BasicProperties.Headers ?? new Dictionary<string, object?>())
            .ToDictionary(h => h.Key, h => Text(h.Value), StringComparer.Ordinal);
        return new ErrorMessage(queue, properties.MessageId, headers, properties, delivery.Body.ToArray());
    }

    /// <summary>
    /// The message as first delivered: without the fault's headers and the broker's dead-letter history, so a second
    /// failure is reported for itself and the broker counts its deliveries afresh.
    /// </summary>
    public BasicProperties ReplayProperties()
    {
        var properties = new BasicProperties(Properties)
        {
            Headers = Properties.Headers?
                .Where(h => !IsFailureHeader(h.Key))
                .ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal),
        };
        return properties;
    }

    private static bool IsFailureHeader(string name) =>
        name.StartsWith(FaultPrefix, StringComparison.Ordinal)
        || name is "MT-Reason" or "x-death" or "x-delivery-count"
        || name.StartsWith("x-first-death-", StringComparison.Ordinal)
        || name.StartsWith("x-last-death-", StringComparison.Ordinal);

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        AmqpTimestamp time => DateTimeOffset.FromUnixTimeSeconds(time.UnixTime).ToString("O", CultureInfo.InvariantCulture),
        IDictionary<string, object?> table => "{" + string.Join(", ", table.Select(e => $"{e.Key}={Text(e.Value)}")) + "}",
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Text)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
