using System.Text;

namespace Industry.ContractDocs.OpenApi;

/// <summary>
/// One parameter of an OpenAPI path: a whole request field (<c>{year}</c>) or one wildcard of a field's template
/// (<c>{name=clusters/*}</c> gives <c>/v1/clusters/{clustersId}</c>; <c>name</c> is <c>clusters/{clustersId}</c>).
/// </summary>
internal sealed record PathParameter(string Name, string FieldPath, string? Segments, bool MatchesSlashes);

/// <summary>
/// A <c>google.api.http</c> path template turned into an OpenAPI path. A wildcard becomes one parameter named after
/// the collection segment before it plus <c>Id</c> (Google's discovery documents name them so), so that a client
/// fills plain segments and never has to send an encoded slash in one parameter.
/// </summary>
internal sealed record PathTemplate(string Path, IReadOnlyList<PathParameter> Parameters)
{
    public IEnumerable<string> BoundFields => Parameters.Select(p => p.FieldPath).Distinct(StringComparer.Ordinal);

    public static PathTemplate Parse(string template)
    {
        var path = new StringBuilder();
        var parameters = new List<PathParameter>();
        var i = 0;
        while (i < template.Length)
        {
            if (template[i] != '{')
            {
                path.Append(template[i++]);
                continue;
            }

            var end = template.IndexOf('}', i);
            if (end < 0)
            {
                throw new FormatException($"Unclosed variable in {template}.");
            }

            var variable = template[(i + 1)..end];
            i = end + 1;
            var equals = variable.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                path.Append('{').Append(variable).Append('}');
                parameters.Add(new PathParameter(variable, variable, null, false));
                continue;
            }

            var field = variable[..equals];
            var segments = variable[(equals + 1)..].Split('/');
            var expanded = new List<string>();
            string? previous = null;
            // A variable of several wildcards with no collection before them (`{parent=*/*}`: any record's name) names
            // each by its place; with one, or after a literal collection, as before.
            var wildcards = segments.Count(s => s is "*" or "**");
            for (var index = 0; index < segments.Length; index++)
            {
                var segment = segments[index];
                if (segment is "*" or "**")
                {
                    var name = previous is not null ? previous + "Id" : wildcards > 1 ? $"{field}Segment{index + 1}" : field;
                    parameters.Add(new PathParameter(name, field, variable[(equals + 1)..], segment == "**"));
                    expanded.Add("{" + name + "}");
                }
                else
                {
                    expanded.Add(segment);
                    previous = segment;
                }
            }

            path.Append(string.Join('/', expanded));
        }

        var names = parameters.Select(p => p.Name).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new FormatException($"Two parameters of {template} would have one name: {string.Join(", ", names)}.");
        }

        return new PathTemplate(path.ToString(), parameters);
    }

    /// <summary>The field's value in the segments of the path: <c>clusters/{clustersId}</c>.</summary>
    public string FieldShape(string fieldPath)
    {
        var parameters = Parameters.Where(p => p.FieldPath == fieldPath).ToList();
        var segments = parameters[0].Segments;
        if (segments is null)
        {
            return "{" + parameters[0].Name + "}";
        }

        var k = 0;
        return string.Join('/', segments.Split('/').Select(s => s is "*" or "**" ? "{" + parameters[k++].Name + "}" : s));
    }
}
