using System.Globalization;
using Industry.Demo.Loading;
using Industry.Demo.Plan;

namespace Industry.Demo;

/// <summary>The command line: where the gateway is, the bearer token, the scale and the calls in flight.</summary>
internal sealed record DemoArguments(Uri Gateway, string? Token, DemoScale Scale, int Concurrency, bool Help)
{
    public const string TokenVariable = "INDUSTRY_TOKEN";

    public const string Usage = """
        Loads the demo data set (the 2023 work report, reproduced) into a running suite through its gateway.

        usage: Industry.Demo [--gateway http://127.0.0.1:7000] [--token JWT] [--scale full|tenth] [--concurrency 8]

          --gateway      the gateway's gRPC address (h2c); default http://127.0.0.1:7000
          --token        a bearer token sent on every call; default the INDUSTRY_TOKEN environment variable, else none
          --scale        full (the report's figures, default) or tenth (a tenth of the enterprises, qualifications,
                         transformations and projects; clusters and parks as in full)
          --concurrency  calls in flight to each service at most; default 8
        """;

    public static DemoArguments? Parse(IReadOnlyList<string> args)
    {
        var gateway = new Uri("http://127.0.0.1:7000");
        var token = Environment.GetEnvironmentVariable(TokenVariable);
        var scale = DemoScale.Full;
        var concurrency = DemoLoader.DefaultConcurrency;
        for (var i = 0; i < args.Count; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "-h" or "--help":
                    return new DemoArguments(gateway, token, scale, concurrency, Help: true);
                case "--gateway" when Value() is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri):
                    gateway = uri;
                    break;
                case "--token" when Value() is { } value:
                    token = value;
                    break;
                case "--scale" when Value() is { } name && DemoScale.Find(name) is { } found:
                    scale = found;
                    break;
                case "--concurrency" when int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 256:
                    concurrency = n;
                    break;
                default:
                    return null;
            }
        }

        return new DemoArguments(gateway, token, scale, concurrency, Help: false);
    }
}
