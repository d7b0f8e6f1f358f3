using System.Text.RegularExpressions;

namespace Industry.EndToEndTests.Quickstarts;

/// <summary>
/// Checks a program's output against the lines it promises: each promise is a regular expression that must match a
/// whole line, after the line the previous promise matched. Named groups capture values (the id of what the program
/// created), and a later promise names a captured value as <c>{name}</c> to require exactly that value again.
/// </summary>
public static partial class PromisedLines
{
    /// <summary>The values the promises captured, by group name; fails naming the first promise no line kept.</summary>
    public static IReadOnlyDictionary<string, string> Check(IReadOnlyList<string> promises, string output)
    {
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        var captured = new Dictionary<string, string>(StringComparer.Ordinal);
        var next = 0;
        foreach (var promise in promises)
        {
            var pattern = new Regex($"^(?:{Resolve(promise, captured)})$", RegexOptions.CultureInvariant);
            var index = Array.FindIndex(lines, next, line => pattern.IsMatch(line));
            if (index < 0)
            {
                throw new PromiseNotKeptException($"no line after line {next} matches the promise /{pattern}/ in:\n{output}");
            }

            var match = pattern.Match(lines[index]);
            foreach (var group in match.Groups.Values.Where(g => g.Success && !int.TryParse(g.Name, out _)))
            {
                captured[group.Name] = group.Value;
            }

            next = index + 1;
        }

        return captured;
    }

    private static string Resolve(string promise, Dictionary<string, string> captured) =>
        Placeholder().Replace(promise, m => captured.TryGetValue(m.Groups["name"].Value, out var value)
            ? Regex.Escape(value)
            : throw new ArgumentException($"the promise /{promise}/ names {m.Value}, which no earlier promise captured"));

    [GeneratedRegex(@"\{(?<name>[a-z][a-zA-Z]*)\}")]
    private static partial Regex Placeholder();
}

public sealed class PromiseNotKeptException(string message) : Exception(message);
