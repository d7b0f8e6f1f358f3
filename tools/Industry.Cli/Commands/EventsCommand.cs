using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Industry.ServiceDefaults.Messaging.Wire;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Industry.Cli.Commands;

/// <summary>
/// <c>industry events tail [EXCHANGE…]</c>: binds a queue of its own (exclusive, gone when the client ends) to the
/// event exchanges (all of the catalogue by default) and prints each event as it arrives, decoded with the contracts'
/// types as docs/events.md describes; <c>--json</c> writes one JSON line per event.
/// </summary>
internal static class EventsCommand
{
    public const string BrokerVariable = "INDUSTRY_BROKER";

    public const string DefaultBroker = "amqp://guest:guest@localhost:5672/";

    private static readonly string[] Exchanges = [.. EventCatalog.All.Select(e => e.ExchangeName).Order(StringComparer.Ordinal)];

    public static Command Create(Func<string, string?> environment)
    {
        var exchanges = new Argument<string[]>("EXCHANGE") { Description = "Event exchanges, e.g. industry.projects.v1.project-created (default: every event)", Arity = ArgumentArity.ZeroOrMore };
        exchanges.Validators.Add(result =>
        {
            foreach (var unknown in result.GetValueOrDefault<string[]>()?.Where(name => !Exchanges.Contains(name)) ?? [])
            {
                result.AddError($"'{unknown}' is not an event exchange; `industry events list` lists them.");
            }
        });
        var broker = new Option<string?>("--broker") { Description = $"The RabbitMQ address; default ${BrokerVariable}, else {DefaultBroker}" };
        var count = new Option<int?>("--count") { Description = "Stop after this many events (default: until Ctrl+C)" };
        count.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--count must be at least 1.");
            }
        });

        var tail = new Command("tail", "Print events as they arrive (实时查看事件)") { exchanges, broker, count };
        tail.SetAction(CliApplication.Action(environment, async (context, parse, cancellation) =>
        {
            var language = context.Language;
            var address = parse.GetValue(broker) ?? environment(BrokerVariable) ?? DefaultBroker;
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
            {
                throw new CliException(ExitCodes.Usage, language.Text($"--broker must be an amqp:// address; got '{address}'.", $"--broker 须为 amqp:// 地址；收到“{address}”。"), "BAD_BROKER_ADDRESS");
            }

            var names = parse.GetValue(exchanges) is { Length: > 0 } chosen ? chosen : [.. Exchanges];
            await using var connection = await ConnectAsync(uri, language, cancellation);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellation);
            var queue = await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellation);
            foreach (var name in names)
            {
                // The same declaration the services' MassTransit makes, so binding before any publisher ran works.
                await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellation);
                await channel.QueueBindAsync(queue.QueueName, name, string.Empty, cancellationToken: cancellation);
            }

            var arrived = Channel.CreateUnbounded<BasicDeliverEventArgs>();
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                await arrived.Writer.WriteAsync(new BasicDeliverEventArgs(
                    delivery.ConsumerTag, delivery.DeliveryTag, delivery.Redelivered, delivery.Exchange, delivery.RoutingKey, delivery.BasicProperties, delivery.Body.ToArray()));
            };
            await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellation);

            // On standard error, so that standard output holds events only: a script (or test) waits for this line before it acts.
            Console.Error.WriteLine(language.Text($"Listening on {names.Length} exchange(s) at {uri.Host}:{uri.Port}; Ctrl+C ends.", $"正在监听 {uri.Host}:{uri.Port} 上的 {names.Length} 个交换机；按 Ctrl+C 结束。"));
            var limit = parse.GetValue(count);
            for (var seen = 0; limit is null || seen < limit; seen++)
            {
                var delivery = await arrived.Reader.ReadAsync(cancellation);
                var decoded = EventLine.Decode(delivery.Exchange, delivery.BasicProperties, delivery.Body.Span);
                Console.Out.WriteLine(context.Json ? JsonSerializer.Serialize(decoded.ToJson(), JsonLines.Options) : decoded.ToText());
            }

            return ExitCodes.Ok;
        }));

        var list = new Command("list", "The event exchanges (事件交换机列表)");
        list.SetAction(CliApplication.Action(environment, (context, _, _) =>
        {
            foreach (var type in EventCatalog.All.OrderBy(e => e.ExchangeName, StringComparer.Ordinal))
            {
                Console.Out.WriteLine(context.Json ? JsonSerializer.Serialize(new { exchange = type.ExchangeName, type = type.FullName }, JsonLines.Options) : type.ExchangeName);
            }

            return Task.FromResult(ExitCodes.Ok);
        }));

        return new Command("events", "Domain events from the broker (领域事件)") { tail, list };
    }

    private static async Task<IConnection> ConnectAsync(Uri uri, Texts.CliLanguage language, CancellationToken cancellation)
    {
        try
        {
            return await new ConnectionFactory { Uri = uri, ClientProvidedName = "industry-cli" }.CreateConnectionAsync(cancellation);
        }
        catch (BrokerUnreachableException e)
        {
            throw new CliException(ExitCodes.Unavailable, language.Text($"The broker at {uri.Host}:{uri.Port} cannot be reached ({e.InnerException?.Message ?? e.Message}). Set --broker or {BrokerVariable}.", $"无法连接消息代理 {uri.Host}:{uri.Port}（{e.InnerException?.Message ?? e.Message}）。请用 --broker 或 {BrokerVariable} 指定地址。"), "BROKER_UNREACHABLE");
        }
    }
}

/// <summary>One received event: the CloudEvents headers and the body decoded as its contract type (raw JSON for a type this client does not know).</summary>
internal sealed record EventLine(string Exchange, string? Type, string? Id, string? Subject, string? SubjectVersion, string? Actor, string? Time, JsonElement Event, bool Known)
{
    public static EventLine Decode(string exchange, IReadOnlyBasicProperties properties, ReadOnlySpan<byte> body)
    {
        var headers = properties.Headers;
        string? Header(string name) => headers is not null && headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            null => null,
            _ => value.ToString(),
        } : null;

        var type = Header(CloudEventHeaders.Type);
        var json = Encoding.UTF8.GetString(body);
        var known = type is not null && EventCatalog.Find(type) is not null;
        if (known)
        {
            // Through the generated type, as docs/events.md tells consumers to: the printed event is what the contract says.
            var message = ProtoJson.Parser.Parse(json, EventCatalog.Find(type!)!.Descriptor);
            json = ProtoJson.Formatter.Format(message);
        }

        using var document = JsonDocument.Parse(json);
        return new EventLine(exchange, type, Header(CloudEventHeaders.Id) ?? properties.MessageId, Header(CloudEventHeaders.Subject), Header(CloudEventHeaders.SubjectVersion),
            Header(CloudEventHeaders.Actor), Header(CloudEventHeaders.Time), document.RootElement.Clone(), known);
    }

    public object ToJson() => new { Exchange, Type, Id, Subject, SubjectVersion, Actor, Time, Event };

    public string ToText() => $"{Time} {Type ?? Exchange} {Subject} v{SubjectVersion} {Actor}{Environment.NewLine}  {Event.GetRawText()}";
}
