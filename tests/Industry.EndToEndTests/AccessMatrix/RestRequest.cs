using System.Text;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Industry.EndToEndTests.AccessMatrix;

/// <summary>
/// A request message as JSON/REST, by its method's <c>google.api.http</c> rule: path variables from the message's
/// fields (or a placeholder of the template's shape when the field is empty, so the route still matches), the body
/// (<c>*</c>: every other field; a field name: that field), and the remaining set fields as the query.
/// </summary>
internal sealed partial record RestRequest(HttpMethod Verb, string Template, string PathAndQuery, string? Body)
{
    public static RestRequest Of(HttpRule rule, IMessage message)
    {
        var (verb, template) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => (HttpMethod.Get, rule.Get),
            HttpRule.PatternOneofCase.Post => (HttpMethod.Post, rule.Post),
            HttpRule.PatternOneofCase.Patch => (HttpMethod.Patch, rule.Patch),
            HttpRule.PatternOneofCase.Put => (HttpMethod.Put, rule.Put),
            HttpRule.PatternOneofCase.Delete => (HttpMethod.Delete, rule.Delete),
            _ => throw new NotSupportedException($"HTTP rule {rule}"),
        };

        var rest = message.Descriptor.Parser.ParseFrom(message.ToByteArray());
        var pathFields = new List<string>();
        var path = Variable().Replace(template, m =>
        {
            var fieldPath = m.Groups["field"].Value;
            pathFields.Add(fieldPath);
            var value = Take(rest, fieldPath);
            return value.Length > 0 ? value : Placeholder(m.Groups["pattern"].Success ? m.Groups["pattern"].Value : null);
        });

        string? body = null;
        var query = new List<string>();
        if (rule.Body == "*")
        {
            body = JsonFormatter.Default.Format(rest);
        }
        else
        {
            if (rule.Body.Length > 0 && rest.Descriptor.FindFieldByName(rule.Body) is { } bodyField)
            {
                body = bodyField.Accessor.GetValue(rest) is IMessage part ? JsonFormatter.Default.Format(part) : "{}";
                bodyField.Accessor.Clear(rest);
            }

            foreach (var field in rest.Descriptor.Fields.InFieldNumberOrder().Where(f => !f.IsRepeated && f.FieldType != FieldType.Message))
            {
                var value = field.Accessor.GetValue(rest);
                if (!IsDefault(field, value))
                {
                    query.Add($"{field.JsonName}={Uri.EscapeDataString(Format(value))}");
                }
            }
        }

        return new RestRequest(verb, template, path + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty), body);
    }

    /// <summary>The value of <paramref name="fieldPath"/> (e.g. <c>project.name</c>), cleared from the message (it travels in the path).</summary>
    private static string Take(IMessage message, string fieldPath)
    {
        var parts = fieldPath.Split('.');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var parent = message.Descriptor.FindFieldByName(parts[i]);
            if (parent?.Accessor.GetValue(message) is not IMessage inner)
            {
                return string.Empty;
            }

            message = inner;
        }

        var field = message.Descriptor.FindFieldByName(parts[^1]) ?? throw new InvalidOperationException($"No field {fieldPath}.");
        var value = field.Accessor.GetValue(message);
        field.Accessor.Clear(message);
        return IsDefault(field, value) ? string.Empty : Format(value!);
    }

    /// <summary><c>parks/*</c> → <c>parks/matrix</c>; a bare variable (<c>{year}</c>) → <c>0</c>.</summary>
    private static string Placeholder(string? pattern) => pattern is null ? "0" : pattern.Replace("**", "matrix", StringComparison.Ordinal).Replace("*", "matrix", StringComparison.Ordinal);

    private static bool IsDefault(FieldDescriptor field, object? value) => value is null
        || (field.FieldType == FieldType.Enum ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0 : Equals(value, DefaultOf(field)));

    private static object? DefaultOf(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => string.Empty,
        FieldType.Bool => false,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => 0,
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => 0L,
        FieldType.UInt32 or FieldType.Fixed32 => 0u,
        FieldType.UInt64 or FieldType.Fixed64 => 0ul,
        FieldType.Double => 0d,
        FieldType.Float => 0f,
        FieldType.Bytes => ByteString.Empty,
        _ => null,
    };

    private static string Format(object value) => value switch
    {
        bool b => b ? "true" : "false",
        Enum e => Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    public StringContent? Content() => Body is null ? null : new StringContent(Body, Encoding.UTF8, "application/json");

    [GeneratedRegex(@"\{(?<field>[a-z0-9_.]+)(=(?<pattern>[^}]+))?\}")]
    private static partial Regex Variable();
}
