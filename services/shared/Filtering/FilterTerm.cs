using System.Globalization;
using System.Text.RegularExpressions;
using Industry.ServiceDefaults.Errors;

namespace Industry.ServiceDefaults.Filtering;

/// <summary>
/// One comparison of a filter while it is being translated: its value read as the field's type, or an
/// INVALID_ARGUMENT on the request's filter field that names the filtered field and what it accepts.
/// </summary>
public sealed partial class FilterTerm(FilterComparison comparison, string requestField)
{
    public string Field => comparison.Field;

    public FilterOperator Operator => comparison.Operator;

    public string Value => comparison.Value;

    public FilterValueKind Kind => comparison.Kind;

    public ServiceException Invalid(string description) => ServiceException.InvalidArgument(requestField, $"{Field}: {description}");

    /// <summary>Refuses an operator the field does not support (e.g. <c>&lt;</c> on an enum).</summary>
    public void RequireOperator(params FilterOperator[] allowed)
    {
        if (!allowed.Contains(Operator))
        {
            throw Invalid($"supports only {string.Join(" ", allowed.Select(Symbol))}, not {Symbol(Operator)}.");
        }
    }

    public string QuotedValue(string example)
    {
        if (Kind != FilterValueKind.Quoted)
        {
            throw Invalid($"the value must be a double-quoted string, e.g. {example}.");
        }

        return Value;
    }

    public long IntegerValue()
    {
        if (Kind != FilterValueKind.Bare || !long.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            throw Invalid($"'{Value}' is not an integer (write it bare, without quotes).");
        }

        return number;
    }

    public bool BooleanValue() => (Kind, Value) switch
    {
        (FilterValueKind.Bare, "true") => true,
        (FilterValueKind.Bare, "false") => false,
        _ => throw Invalid($"'{Value}' is not a boolean (true or false, without quotes)."),
    };

    public DateOnly DateValue()
    {
        if (!DateOnly.TryParseExact(QuotedValue("\"2024-03-31\""), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Invalid($"'{Value}' is not a date \"YYYY-MM-DD\".");
        }

        return date;
    }

    /// <summary>An RFC 3339 timestamp with its offset (<c>"2024-03-31T08:00:00Z"</c>, <c>"…+08:00"</c>), as UTC.</summary>
    public DateTime TimestampValue()
    {
        var text = QuotedValue("\"2024-03-31T08:00:00Z\"");
        var match = Rfc3339().Match(text);
        if (!match.Success)
        {
            throw Invalid($"'{text}' is not an RFC 3339 timestamp such as \"2024-03-31T08:00:00Z\".");
        }

        // .NET parses at most 7 fractional digits; RFC 3339 allows any number (nanoseconds are common): finer than
        // 100 ns is cut off, below the microseconds the databases keep.
        var fraction = match.Groups["fraction"].Value;
        var normalized = match.Groups["seconds"].Value + (fraction.Length > 8 ? fraction[..8] : fraction) + match.Groups["offset"].Value;
        if (!DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out var timestamp))
        {
            throw Invalid($"'{text}' is not a valid timestamp.");
        }

        return timestamp.UtcDateTime;
    }

    public static string Symbol(FilterOperator op) => op switch
    {
        FilterOperator.Equal => "=",
        FilterOperator.NotEqual => "!=",
        FilterOperator.LessThan => "<",
        FilterOperator.LessThanOrEqual => "<=",
        FilterOperator.GreaterThan => ">",
        _ => ">=",
    };

    [GeneratedRegex(@"^(?<seconds>\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2})(?<fraction>\.\d+)?(?<offset>[Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
