namespace Industry.ServiceDefaults.Messaging;

/// <summary>The broker a service connects to, from the <c>RabbitMq</c> section (<c>RabbitMq__Host</c>, …).</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    /// <summary>Host name or address. Default <c>localhost</c>.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>AMQP port. Default 5672.</summary>
    public ushort Port { get; set; } = 5672;

    /// <summary>Virtual host. Default <c>/</c>.</summary>
    public string VirtualHost { get; set; } = "/";

    /// <summary>User name. Default <c>guest</c> (accepted by RabbitMQ from loopback only).</summary>
    public string Username { get; set; } = "guest";

    /// <summary>Password; in Kubernetes from a Secret. Default <c>guest</c>.</summary>
    public string Password { get; set; } = "guest";
}
