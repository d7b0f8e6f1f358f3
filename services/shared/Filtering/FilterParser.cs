using System.Text;
using Industry.ServiceDefaults.Errors;

namespace Industry.ServiceDefaults.Filtering;

/// <summary>
/// Parses the AIP-160 subset of the suite's list methods: comparisons <c>field op value</c> with op one of
/// <c>= != &lt; &lt;= &gt; &gt;=</c>, joined by <c>AND</c>; strings double-quoted (with <c>\"</c> and <c>\\</c>
/// escapes), numbers, booleans and enum names bare. No OR, NOT, parentheses, <c>:</c> or functions: anything else is
/// INVALID_ARGUMENT on <c>filter</c>, as is a field outside <c>allowedFields</c>. Turning comparisons into a query is
/// the caller's (each resource knows its columns).
/// </summary>
public static class FilterParser
{
    /// <summary>Longest filter accepted: a list call is not a query language.</summary>
    public const int MaxLength = 2000;

    public static IReadOnlyList<FilterComparison> Parse(string? filter, IReadOnlySet<string> allowedFields, string field = "filter")
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return [];
        }

        if (filter.Length > MaxLength)
        {
            throw ServiceException.InvalidArgument(field, $"must be at most {MaxLength} characters.");
        }

        var tokens = Tokenize(filter, field);
        var comparisons = new List<FilterComparison>();
        var i = 0;
        while (true)
        {
            if (i + 3 > tokens.Count)
            {
                throw Invalid(field, "expected a comparison 'field op value'.");
            }

            var (name, op, value) = (tokens[i], tokens[i + 1], tokens[i + 2]);
            if (name.Kind != TokenKind.Word || op.Kind != TokenKind.Operator || value.Kind is not (TokenKind.Word or TokenKind.String))
            {
                throw Invalid(field, $"expected 'field op value' at '{name.Text}'.");
            }

            if (!allowedFields.Contains(name.Text))
            {
                throw Invalid(field, $"'{name.Text}' cannot be filtered on; fields: {string.Join(", ", allowedFields.Order(StringComparer.Ordinal))}.");
            }

            comparisons.Add(new FilterComparison(name.Text, ToOperator(op.Text), value.Text, value.Kind == TokenKind.String ? FilterValueKind.Quoted : FilterValueKind.Bare));
            i += 3;
            if (i == tokens.Count)
            {
                return comparisons;
            }

            if (tokens[i] is not { Kind: TokenKind.Word, Text: "AND" })
            {
                throw Invalid(field, $"expected AND after a comparison, found '{tokens[i].Text}' (OR, NOT and parentheses are not supported).");
            }

            i++;
        }
    }

    private static FilterOperator ToOperator(string text) => text switch
    {
        "=" => FilterOperator.Equal,
        "!=" => FilterOperator.NotEqual,
        "<" => FilterOperator.LessThan,
        "<=" => FilterOperator.LessThanOrEqual,
        ">" => FilterOperator.GreaterThan,
        _ => FilterOperator.GreaterThanOrEqual,
    };

    private enum TokenKind
    {
        Word,
        String,
        Operator,
    }

    private readonly record struct Token(TokenKind Kind, string Text);

    private static List<Token> Tokenize(string filter, string field)
    {
        var tokens = new List<Token>();
        for (var i = 0; i < filter.Length;)
        {
            var c = filter[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '"')
            {
                var text = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= filter.Length)
                    {
                        throw Invalid(field, "has an unterminated string.");
                    }

                    if (filter[i] == '\\' && i + 1 < filter.Length && filter[i + 1] is '"' or '\\')
                    {
                        text.Append(filter[i + 1]);
                        i += 2;
                    }
                    else if (filter[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        text.Append(filter[i++]);
                    }
                }

                tokens.Add(new Token(TokenKind.String, text.ToString()));
            }
            else if (c is '=' or '!' or '<' or '>')
            {
                var two = i + 1 < filter.Length && filter[i + 1] == '=';
                var op = two ? filter.Substring(i, 2) : c.ToString();
                if (op == "!")
                {
                    throw Invalid(field, "'!' must be followed by '=' (NOT is not supported).");
                }

                tokens.Add(new Token(TokenKind.Operator, op));
                i += op.Length;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '+')
            {
                var start = i;
                while (i < filter.Length && (char.IsAsciiLetterOrDigit(filter[i]) || filter[i] is '_' or '-' or '.' or '+'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Word, filter[start..i]));
            }
            else
            {
                throw Invalid(field, $"'{c}' is not supported (only comparisons joined by AND).");
            }
        }

        return tokens;
    }

    private static ServiceException Invalid(string field, string description) => ServiceException.InvalidArgument(field, description);
}
