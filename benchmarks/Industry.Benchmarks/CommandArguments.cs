using System.Globalization;

namespace Industry.Benchmarks;

/// <summary>
/// A command's options (<c>--name value</c> and bare <c>--flag</c>s), each read once; a value not given falls back to
/// environment variables, then to a default. Options left unread at the end are unknown ones.
/// </summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    /// <param name="args">The command's arguments.</param>
    /// <param name="flags">The options that take no value, without their dashes.</param>
    public CommandArguments(string[] args, params string[] flags)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && flags.Contains(args[i][2..]))
            {
                _flags.Add(args[i][2..]);
                continue;
            }

            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            _values[args[i][2..]] = args[++i];
        }
    }

    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>The option's value, else the first of <paramref name="variables"/> that is set, else null.</summary>
    public string? Get(string name, params string[] variables) =>
        _values.Remove(name, out var value)
            ? value
            : variables.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    public int Number(string name, int fallback, int minimum = 1)
    {
        var text = Get(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= minimum
            ? n
            : throw new ArgumentException($"--{name} must be an integer of at least {minimum}, got '{text}'");
    }

    /// <summary>The superuser connection string of the PostgreSQL server to use.</summary>
    public string Postgres() => Get("postgres", "BENCH_POSTGRES", "INDUSTRY_TEST_POSTGRES")
        ?? throw new ArgumentException("no PostgreSQL: pass --postgres or set BENCH_POSTGRES");

    /// <summary>The RabbitMQ broker to use.</summary>
    public Uri RabbitMq() => new(Get("rabbitmq", "BENCH_RABBITMQ", "INDUSTRY_TEST_RABBITMQ")
        ?? throw new ArgumentException("no RabbitMQ: pass --rabbitmq or set BENCH_RABBITMQ"));

    /// <summary>Fails on an option no setting read.</summary>
    public void RequireAllRead()
    {
        if (_values.Count > 0)
        {
            throw new ArgumentException($"unknown option --{_values.Keys.First()}");
        }
    }
}
