using System.Collections;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Industry.EndToEndTests.Fuzz;

/// <summary>
/// Builds request messages from descriptors: random ones, and "plausible" ones whose values come from what the
/// suite answered before (a real project's name, a county code it accepted), so that one hostile value placed in an
/// otherwise valid request gets past validation of the rest and reaches the handler's deeper layers and the database.
/// </summary>
internal sealed class FuzzGenerator
{
    private const int MaxDepth = 3;
    private readonly Dictionary<string, List<object>> _corpus = [];
    private readonly Dictionary<string, Regex> _resourcePatterns = [];

    public FuzzGenerator(IEnumerable<FileDescriptor> files)
    {
        foreach (var message in files.SelectMany(f => f.MessageTypes))
        {
            if (message.GetOptions()?.GetExtension(ResourceExtensions.Resource) is { Type.Length: > 0 } resource && resource.Pattern.Count > 0)
            {
                _resourcePatterns[resource.Type] = PatternRegex(resource.Pattern.Select(p => Regex.Replace(p, "\\{[^}]+\\}", "*")));
            }
        }
    }

    public int CorpusSize => _corpus.Values.Sum(v => v.Count);

    /// <summary>Remembers the values of a message the suite returned, by field name.</summary>
    public void Learn(IMessage message, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var value = field.Accessor.GetValue(message);
            IEnumerable items = field.IsRepeated && value is IList list ? list : new[] { value };
            foreach (var item in items)
            {
                switch (item)
                {
                    case IMessage nested:
                        Learn(nested, depth + 1);
                        break;
                    case string { Length: > 0 } text:
                        Remember(field.Name, text);
                        break;
                    case int or long when field.FieldType != FieldType.Enum && Convert.ToInt64(item, System.Globalization.CultureInfo.InvariantCulture) != 0:
                        Remember(field.Name, Convert.ToInt64(item, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                }
            }
        }
    }

    /// <summary>Names the suite returned that match <paramref name="pattern"/> (a resource pattern with <c>*</c> segments).</summary>
    public IReadOnlyList<string> NamesMatching(string pattern)
    {
        var regex = PatternRegex([pattern]);
        return _corpus.TryGetValue("name", out var names) ? [.. names.OfType<string>().Where(n => regex.IsMatch(n))] : [];
    }

    /// <summary>Every field set to a random or hostile value of its type, nested messages to a small depth.</summary>
    public static FuzzMessage Hostile(Random random, MessageDescriptor descriptor, int depth = 0)
    {
        var message = new FuzzMessage(descriptor);
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (random.Next(10) < 3)
            {
                continue;
            }

            var count = field.IsRepeated ? random.Next(1, 5) : 1;
            for (var i = 0; i < count; i++)
            {
                if (field.FieldType == FieldType.Message)
                {
                    if (depth < MaxDepth)
                    {
                        message.Add(field, Hostile(random, field.MessageType, depth + 1));
                    }
                }
                else
                {
                    message.Add(field, random.Next(3) == 0 ? FuzzValues.Plain(random, field) : FuzzValues.Scalar(random, field));
                }
            }
        }

        return message;
    }

    /// <summary>A request that could be valid: values of the right kind, names of resources that exist.</summary>
    /// <param name="random">The case's random source.</param>
    /// <param name="descriptor">The message to build.</param>
    /// <param name="pathPatterns">Resource patterns of the request's fields from the method's HTTP rule, by field path.</param>
    /// <param name="path">The field path of <paramref name="descriptor"/> within the request.</param>
    /// <param name="depth">Nesting so far.</param>
    public FuzzMessage Plausible(Random random, MessageDescriptor descriptor, IReadOnlyDictionary<string, string> pathPatterns, string path = "", int depth = 0)
    {
        var message = new FuzzMessage(descriptor);
        switch (descriptor.FullName)
        {
            case "google.protobuf.Timestamp":
                message.Add(descriptor.FindFieldByName("seconds"), 1_735_689_600L - random.Next(0, 86_400 * 365));
                return message;
            case "google.type.Date":
                message.Add(descriptor.FindFieldByName("year"), (long)random.Next(2020, 2027));
                message.Add(descriptor.FindFieldByName("month"), (long)random.Next(1, 13));
                message.Add(descriptor.FindFieldByName("day"), (long)random.Next(1, 29));
                return message;
        }

        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            var behaviors = field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior) ?? [];
            var required = behaviors.Contains(FieldBehavior.Required) || behaviors.Contains(FieldBehavior.Identifier);
            if ((behaviors.Contains(FieldBehavior.OutputOnly) && random.Next(10) != 0)
                || (!required && random.Next(5) == 0)
                || (field.ContainingOneof is { } oneof && message.Fields.Exists(f => f.Field.ContainingOneof == oneof))
                || (field.FieldType == FieldType.Message && depth >= MaxDepth))
            {
                continue;
            }

            var fieldPath = path.Length == 0 ? field.Name : path + "." + field.Name;
            var count = field.IsRepeated ? random.Next(1, 4) : 1;
            for (var i = 0; i < count; i++)
            {
                message.Add(field, field.FieldType switch
                {
                    FieldType.Message when field.MessageType.FullName == "google.protobuf.FieldMask" => Mask(random, descriptor, field),
                    FieldType.Message => Plausible(random, field.MessageType, pathPatterns, fieldPath, depth + 1),
                    FieldType.String => PlausibleText(random, field, pathPatterns.GetValueOrDefault(fieldPath)),
                    _ when _corpus.TryGetValue(field.Name, out var seen) && seen.OfType<long>().ToList() is { Count: > 0 } numbers && field.FieldType != FieldType.Bool =>
                        field.FieldType is FieldType.UInt32 or FieldType.UInt64 or FieldType.Fixed32 or FieldType.Fixed64 ? (object)(ulong)numbers[random.Next(numbers.Count)] : numbers[random.Next(numbers.Count)],
                    _ => FuzzValues.Plain(random, field),
                });
            }
        }

        return message;
    }

    /// <summary>One value of the message replaced by a hostile one, or a hostile value added where there was none.</summary>
    public static string Mutate(Random random, FuzzMessage message)
    {
        var leaves = message.Leaves().ToList();
        if (leaves.Count == 0 || random.Next(6) == 0)
        {
            var target = leaves.Count == 0 ? message : leaves.Select(l => l.Entry.Value).OfType<FuzzMessage>().Append(message).ElementAt(random.Next(leaves.Count(l => l.Entry.Value is FuzzMessage) + 1));
            var candidates = target.Descriptor.Fields.InDeclarationOrder().Where(f => f.FieldType != FieldType.Message && !target.Has(f)).ToList();
            if (candidates.Count > 0)
            {
                var field = candidates[random.Next(candidates.Count)];
                var value = FuzzValues.Scalar(random, field);
                target.Add(field, value);
                return $"{field.FullName} added = {Show(value)}";
            }
        }

        if (leaves.Count == 0)
        {
            return "nothing to mutate";
        }

        var (_, entry) = leaves[random.Next(leaves.Count)];
        entry.Value = entry.Value switch
        {
            FuzzMessage { Descriptor.FullName: "google.protobuf.Timestamp" } timestamp => HostileTimestamp(random, timestamp.Descriptor),
            FuzzMessage nested => random.Next(2) == 0 ? new FuzzMessage(nested.Descriptor) : Hostile(random, nested.Descriptor, MaxDepth - 1),
            _ => FuzzValues.Scalar(random, entry.Field),
        };
        return $"{entry.Field.FullName} = {Show(entry.Value)}";
    }

    public static string Show(object value) => value switch
    {
        string text => "\"" + Escape(text.Length > 60 ? text[..60] + $"…({text.Length} chars)" : text) + "\"",
        byte[] bytes => "0x" + Convert.ToHexString(bytes.Take(32).ToArray()),
        FuzzMessage message => "{" + string.Join(", ", message.Fields.Select(f => $"{f.Field.Name}: {Show(f.Value)}")) + "}",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string Escape(string text) => string.Concat(text.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    private static Regex PatternRegex(IEnumerable<string> patterns) =>
        new("^(" + string.Join('|', patterns.Select(p => Regex.Escape(p).Replace("\\*\\*", ".+", StringComparison.Ordinal).Replace("\\*", "[^/]+", StringComparison.Ordinal))) + ")$", RegexOptions.CultureInvariant);

    private static FuzzMessage HostileTimestamp(Random random, MessageDescriptor descriptor)
    {
        var message = new FuzzMessage(descriptor);
        message.Add(descriptor.FindFieldByName("seconds"), random.Next(3) switch { 0 => long.MaxValue, 1 => long.MinValue, _ => 253_402_300_800L });
        message.Add(descriptor.FindFieldByName("nanos"), (long)(random.Next(2) == 0 ? -1 : 1_000_000_000));
        return message;
    }

    private void Remember(string field, object value)
    {
        if (!_corpus.TryGetValue(field, out var values))
        {
            _corpus[field] = values = [];
        }

        if (values.Count < 40 && !values.Contains(value))
        {
            values.Add(value);
        }
    }

    private string PlausibleText(Random random, FieldDescriptor field, string? pattern)
    {
        var reference = field.GetOptions()?.GetExtension(ResourceExtensions.ResourceReference);
        Regex? regex = pattern is not null ? PatternRegex([pattern])
            : reference is { Type.Length: > 0 } && _resourcePatterns.TryGetValue(reference.Type, out var known) ? known
            : null;
        if (regex is not null)
        {
            var names = _corpus.TryGetValue("name", out var seen) ? seen.OfType<string>().Where(n => regex.IsMatch(n)).ToList() : [];
            if (names.Count > 0 && random.Next(6) != 0)
            {
                return names[random.Next(names.Count)];
            }

            return pattern is not null ? Regex.Replace(pattern, "\\*+", _ => "fuzz" + random.Next(100_000)) : string.Empty;
        }

        if (field.Name == "request_id")
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes).ToString();
        }

        return _corpus.TryGetValue(field.Name, out var values) && values.OfType<string>().ToList() is { Count: > 0 } texts
            ? texts[random.Next(texts.Count)]
            : field.Name is "filter" or "order_by" or "page_token" or "etag" ? string.Empty
            : "模糊测试" + random.Next(100_000);
    }

    /// <summary>A mask over the fields of the request's resource (its one other message field), sometimes with a path that does not exist.</summary>
    private static FuzzMessage Mask(Random random, MessageDescriptor request, FieldDescriptor maskField)
    {
        var mask = new FuzzMessage(maskField.MessageType);
        var paths = maskField.MessageType.FindFieldByName("paths");
        var resource = request.Fields.InDeclarationOrder().FirstOrDefault(f => f.FieldType == FieldType.Message && f != maskField && !f.IsRepeated);
        var names = resource?.MessageType.Fields.InDeclarationOrder().Select(f => f.Name).ToList() ?? [];
        for (var i = random.Next(1, 4); i > 0 && names.Count > 0; i--)
        {
            mask.Add(paths, names[random.Next(names.Count)]);
        }

        if (random.Next(5) == 0)
        {
            mask.Add(paths, random.Next(2) == 0 ? "*" : "no_such_field");
        }

        return mask;
    }
}
