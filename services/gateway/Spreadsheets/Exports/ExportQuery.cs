using System.Globalization;

namespace Industry.Gateway.Spreadsheets.Exports;

/// <summary>
/// The query string of an export, passed on to the list or progress call it reads: <c>filter</c> and <c>order_by</c>
/// (lists, AIP-160/132 as the call takes them), <c>year</c> and <c>month</c> (progress tables), <c>period</c>
/// (<c>YYYY-MM</c>: missing reports, the dispatch bulletin), <c>city_code</c> and <c>county_code</c> (missing reports).
/// The called service checks each one, so a bad value fails as the call would (HTTP 400 with its violations).
/// </summary>
internal sealed record ExportQuery(string Filter, string OrderBy, int Year, int Month, string Period, string CityCode, string CountyCode)
{
    public static ExportQuery From(IQueryCollection query) => new(
        query["filter"].ToString(),
        query["order_by"].ToString(),
        Number(query["year"].ToString()),
        Number(query["month"].ToString()),
        query["period"].ToString(),
        query["city_code"].ToString(),
        query["county_code"].ToString());

    /// <summary>The filter joined with one more term (e.g. <c>behind_schedule = true</c>).</summary>
    public string FilterAnd(string term) => Filter.Trim().Length == 0 ? term : $"{Filter} AND {term}";

    /// <summary>A number, or -1 for text that is not one so that the called service refuses it rather than reading the default.</summary>
    private static int Number(string value) =>
        value.Length == 0 ? 0 : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;
}
