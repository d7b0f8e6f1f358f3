using System.Globalization;

namespace Industry.Cli.Gateway;

/// <summary>
/// The row counts of an import, from the gateway's <c>X-Import-Summary</c> header
/// (<c>created=N; updated=N; unchanged=N; failed=N</c>, docs/spreadsheets.md); a count the header lacks is 0.
/// </summary>
internal sealed record ImportSummary(int Created, int Updated, int Unchanged, int Failed)
{
    public static readonly ImportSummary Empty = new(0, 0, 0, 0);

    public static ImportSummary Parse(string? header)
    {
        var counts = (header ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2 && int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .ToDictionary(pair => pair[0], pair => int.Parse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return new(counts.GetValueOrDefault("created"), counts.GetValueOrDefault("updated"), counts.GetValueOrDefault("unchanged"), counts.GetValueOrDefault("failed"));
    }
}
