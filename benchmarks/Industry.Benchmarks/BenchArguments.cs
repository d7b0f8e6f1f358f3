using System.Globalization;

namespace Industry.Benchmarks;

/// <summary>
/// A command's options: <c>--name value</c> pairs and bare <c>--flag</c>s, each read once; a value not given falls back
/// to the first environment variable set. <see cref="RequireAllRead"/> rejects options nobody asked for.
/// </summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    /// <param name="args">The command line after the command.</param>
    /// <param name="flags">The options that take no value (without <c>--</c>).</param>
    public BenchArguments(string[] args, params string[] flags)
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

    public void RequireAllRead()
    {
        if (_values.Count > 0)
        {
            throw new ArgumentException($"unknown option --{_values.Keys.First()}");
        }
    }
}
