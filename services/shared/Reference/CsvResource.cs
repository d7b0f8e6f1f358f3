using System.Text;

namespace Industry.ServiceDefaults.Reference;

/// <summary>
/// Reads the reference CSV files embedded in this assembly (copied from the department's published lists, see
/// docs/architecture.md). RFC 4180 quoting is supported because the report's source sentences contain commas.
/// </summary>
internal static class CsvResource
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string fileName) => ReadResource("Industry.Reference." + fileName);

    /// <summary>Reads the embedded CSV file named <paramref name="resource"/> in full (e.g. <c>Industry.Errors.error-texts.csv</c>).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadResource(string resource)
    {
        using var stream = typeof(CsvResource).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded reference file {resource} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = Parse(reader.ReadToEnd());
        var header = rows[0];
        return [.. rows.Skip(1).Where(r => r.Count > 1 || r[0].Length > 0).Select(r =>
            (IReadOnlyDictionary<string, string>)header.Select((name, i) => (name, value: i < r.Count ? r[i] : string.Empty))
                .ToDictionary(p => p.name, p => p.value, StringComparer.Ordinal))];
    }

    internal static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
