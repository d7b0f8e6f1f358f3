using System.CommandLine;
using System.Text.Json;
using Industry.Cli.Gateway;
using Industry.Cli.Texts;

namespace Industry.Cli;

/// <summary>The options every command takes, and what one invocation knows from them and the environment.</summary>
internal sealed class CliContext
{
    public const string GatewayVariable = "INDUSTRY_GATEWAY";

    public const string DefaultGateway = "http://localhost:7080";

    public static readonly Option<string?> GatewayOption = new("--gateway")
    {
        Description = $"The gateway's JSON (HTTP) address; default ${GatewayVariable}, else {DefaultGateway}",
        Recursive = true,
    };

    public static readonly Option<bool> JsonOption = new("--json")
    {
        Description = "Machine-readable output: JSON on standard output, errors as JSON on standard error",
        Recursive = true,
    };

    public static readonly Option<string?> LangOption = new("--lang")
    {
        Description = "zh or en; default from LC_ALL, LC_MESSAGES, LANG",
        Recursive = true,
    };

    private CliContext(ParseResult parse, Func<string, string?> environment)
    {
        Environment = environment;
        Json = parse.GetValue(JsonOption);
        Language = CliLanguage.Select(parse.GetValue(LangOption), environment);
        Tokens = new TokenStore(environment);
        var gateway = parse.GetValue(GatewayOption) ?? environment(GatewayVariable);
        GatewayAddress = string.IsNullOrWhiteSpace(gateway) ? new Uri(DefaultGateway) : ParseAddress(gateway);
    }

    public Func<string, string?> Environment { get; }

    public bool Json { get; }

    public CliLanguage Language { get; }

    public TokenStore Tokens { get; }

    public Uri GatewayAddress { get; }

    public static CliContext From(ParseResult parse, Func<string, string?> environment) => new(parse, environment);

    /// <summary>A client sending the stored token (exit code 2 when there is none).</summary>
    public GatewayClient SignedInGateway() => new(GatewayAddress, Tokens.Require(Language), Language);

    /// <summary>Writes one JSON document as a line (scripts read line by line).</summary>
    public static void WriteJsonLine<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonLines.Options));

    private Uri ParseAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new CliException(ExitCodes.Usage, Language.Text($"--gateway must be an http(s) address, e.g. {DefaultGateway}; got '{text}'.", $"--gateway 须为 http(s) 地址，例如 {DefaultGateway}；收到“{text}”。"), "BAD_GATEWAY_ADDRESS");
}

/// <summary>The JSON settings of every line the client writes: camelCase, Chinese unescaped, nulls left out.</summary>
internal static class JsonLines
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
