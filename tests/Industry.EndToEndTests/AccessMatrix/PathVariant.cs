using System.Globalization;
using System.Text.RegularExpressions;

namespace Industry.EndToEndTests.AccessMatrix;

/// <summary>
/// A path that names a method in another spelling. <see cref="Normalised"/> variants are ones the server turns into
/// exactly the canonical path before routing (so they must answer as the canonical path does); every other variant
/// must be answered as a method that does not exist, whoever calls.
/// </summary>
internal sealed partial record PathVariant(string Name, string Path, bool Normalised = false)
{
    public static PathVariant Canonical(string path) => new("canonical", path);

    /// <summary>Case changes in each segment, a trailing slash, a percent-encoded letter and a doubled slash of <c>/package.Service/Method</c>.</summary>
    public static IEnumerable<PathVariant> OfGrpc(string path)
    {
        var slash = path.LastIndexOf('/');
        var service = path[1..slash];
        var method = path[(slash + 1)..];
        var dot = service.LastIndexOf('.');
        var package = service[..dot];
        var serviceName = service[(dot + 1)..];
        yield return new("package case", $"/{package.ToUpperInvariant()}.{serviceName}/{method}");
        yield return new("service case", $"/{package}.{serviceName.ToUpperInvariant()}/{method}");
        yield return new("method case", $"/{service}/{method.ToUpperInvariant()}");
        yield return new("method's first letter lower", $"/{service}/{char.ToLowerInvariant(method[0])}{method[1..]}");
        yield return new("trailing slash", path + "/");
        yield return new("percent-encoded letter", $"/{service}/{Encode(method[0])}{method[1..]}");
        yield return new("doubled slash", $"/{service}//{method}");
        yield return new("leading doubled slash", "/" + path);
    }

    /// <summary>For a JSON route: each fixed word of <paramref name="template"/> in upper case, a trailing slash, a percent-encoded letter, a doubled slash.</summary>
    public static IEnumerable<PathVariant> OfRest(string template, string pathAndQuery)
    {
        var queryAt = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = queryAt < 0 ? pathAndQuery : pathAndQuery[..queryAt];
        var query = queryAt < 0 ? string.Empty : pathAndQuery[queryAt..];
        var words = FixedWords(template);
        foreach (var word in words)
        {
            yield return new($"'{word}' case", Word(word).Replace(path, word.ToUpperInvariant(), 1) + query);
        }

        // Routing ignores one trailing slash, and Kestrel decodes the path before routing: both reach the same endpoint,
        // whose method the checks take from the endpoint, never from the path's text.
        yield return new("trailing slash", path + "/" + query, Normalised: true);
        var encoded = words.Count > 1 ? words[1] : words[0];
        yield return new("percent-encoded letter", Word(encoded).Replace(path, Encode(encoded[0]) + encoded[1..], 1) + query, Normalised: true);
        yield return new("doubled slash", ReplaceFirst(path, "/", "//", from: 1) + query);
    }

    /// <summary><c>/v1/{name=parks/*}:submit</c> → v1, parks, submit.</summary>
    private static List<string> FixedWords(string template) =>
    [
        .. Regex.Replace(template, @"\{[a-z0-9_.]+=?|\}", string.Empty)
            .Split(['/', ':'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(char.IsLetter) && !w.Contains('*', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal),
    ];

    private static Regex Word(string word) => new($"(?<=[/:]){Regex.Escape(word)}(?=[/:]|$)");

    private static string Encode(char letter) => "%" + ((int)letter).ToString("X2", CultureInfo.InvariantCulture);

    private static string ReplaceFirst(string text, string value, string replacement, int from)
    {
        var at = text.IndexOf(value, from, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + replacement + text[(at + value.Length)..];
    }

    public override string ToString() => Name;
}
