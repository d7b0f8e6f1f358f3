using System.Text;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Industry.EndToEndTests.Fuzz;

/// <summary>Draws the cases of a run from one seeded <see cref="Random"/>, for every method of every target's descriptor.</summary>
internal sealed partial class FuzzCases(FuzzGenerator generator, Random random)
{
    /// <summary>Just over the 4 MiB a service accepts in one message.</summary>
    public const int OversizedBytes = (4 * 1024 * 1024) + 64;

    private const int GatewayEvery = 5;
    /// <summary>Frame kinds whose bytes always parse as the request type (its fields may still be refused).</summary>
    private static readonly HashSet<string> WellFormedKinds = ["plausible", "mutated", "random message"];

    private readonly List<FuzzCase> _cases = [];

    public IReadOnlyList<FuzzCase> Draw(IEnumerable<FuzzTarget> targets)
    {
        foreach (var target in targets)
        {
            foreach (var method in target.Service.Methods)
            {
                DrawGrpc(target, method);
                if (HttpRuleOf(method) is { } rule)
                {
                    DrawJson(target, method, rule);
                }
            }
        }

        return _cases;
    }

    public static HttpRule? HttpRuleOf(MethodDescriptor method) =>
        method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is { PatternCase: not HttpRule.PatternOneofCase.None } rule ? rule : null;

    public static (HttpMethod Verb, string Template) Route(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => (HttpMethod.Get, rule.Get),
        HttpRule.PatternOneofCase.Post => (HttpMethod.Post, rule.Post),
        HttpRule.PatternOneofCase.Patch => (HttpMethod.Patch, rule.Patch),
        HttpRule.PatternOneofCase.Put => (HttpMethod.Put, rule.Put),
        HttpRule.PatternOneofCase.Delete => (HttpMethod.Delete, rule.Delete),
        _ => (new HttpMethod(rule.Custom.Kind), rule.Custom.Path),
    };

    /// <summary>The resource pattern of each field bound in the method's HTTP path (<c>project.name</c> → <c>projects/*</c>).</summary>
    public static IReadOnlyDictionary<string, string> PathPatterns(MethodDescriptor method) =>
        HttpRuleOf(method) is { } rule
            ? PathVariable().Matches(Route(rule).Template).Where(m => m.Groups[3].Success).ToDictionary(m => m.Groups[1].Value, m => m.Groups[3].Value)
            : new Dictionary<string, string>();

    private void DrawGrpc(FuzzTarget target, MethodDescriptor method)
    {
        var kinds = new List<string>();
        kinds.AddRange(Enumerable.Repeat("random bytes", 4));
        kinds.AddRange(Enumerable.Repeat("truncated", 3));
        kinds.AddRange(Enumerable.Repeat("random message", 6));
        kinds.AddRange(Enumerable.Repeat("mutated", 14));
        kinds.AddRange(Enumerable.Repeat("wrong wire type", 3));
        kinds.Add("plausible");
        kinds.Add("oversized");
        foreach (var kind in kinds)
        {
            FuzzCase fuzzCase;
            if (method.IsClientStreaming)
            {
                // A stream mixes frames of every kind; one oversized frame fails the whole call, unless a frame before it
                // is not a message at all: the server answers the first fault it reads.
                var frames = new List<byte[]>();
                var details = new List<string>();
                var earlierWellFormed = true;
                for (var i = random.Next(1, 5); i > 0; i--)
                {
                    var frameKind = i == 1 ? kind : kinds[random.Next(kinds.Count - 1)];
                    var (bytes, detail) = Frame(method, frameKind);
                    frames.Add(bytes);
                    details.Add($"{frameKind}: {detail}");
                    earlierWellFormed &= i == 1 || WellFormedKinds.Contains(frameKind);
                }

                fuzzCase = new FuzzCase(_cases.Count, target, method, "stream of " + frames.Count, string.Join(" | ", details), false)
                {
                    Frames = frames,
                    Expected = kind == "oversized" && earlierWellFormed ? Grpc.Core.StatusCode.ResourceExhausted : null,
                };
            }
            else
            {
                var (bytes, detail) = Frame(method, kind);
                fuzzCase = new FuzzCase(_cases.Count, target, method, kind, detail, false)
                {
                    Frames = [bytes],
                    Expected = kind == "oversized" ? Grpc.Core.StatusCode.ResourceExhausted : null,
                };
            }

            Add(fuzzCase);
        }
    }

    private (byte[] Bytes, string Detail) Frame(MethodDescriptor method, string kind)
    {
        var request = method.InputType;
        switch (kind)
        {
            case "random bytes":
                var bytes = FuzzValues.Bytes(random, random.Next(4) == 0 ? 4_000 : 200);
                return (bytes, $"{bytes.Length} bytes");
            case "truncated":
                var whole = (random.Next(2) == 0 ? generator.Plausible(random, request, FuzzCases.PathPatterns(method)) : FuzzGenerator.Hostile(random, request)).ToWire();
                var cut = whole.Length < 2 ? 0 : random.Next(1, whole.Length);
                // A cut in an empty message cannot truncate anything: a dangling tag is.
                return (whole.Length < 2 ? [0x0a] : whole[..cut], $"{cut} of {whole.Length} bytes");
            case "random message":
                var message = FuzzGenerator.Hostile(random, request);
                return (message.ToWire(), FuzzGenerator.Show(message));
            case "mutated":
                var plausible = generator.Plausible(random, request, FuzzCases.PathPatterns(method));
                var mutation = FuzzGenerator.Mutate(random, plausible);
                return (plausible.ToWire(), mutation);
            case "plausible":
                var valid = generator.Plausible(random, request, FuzzCases.PathPatterns(method));
                return (valid.ToWire(), FuzzGenerator.Show(valid));
            case "wrong wire type":
                return WrongWireType(request);
            default: // oversized: an unknown field (so any request type) carrying the bulk
                using (var stream = new MemoryStream())
                {
                    using (var output = new CodedOutputStream(stream, leaveOpen: true))
                    {
                        output.WriteTag(9_999, WireFormat.WireType.LengthDelimited);
                        output.WriteBytes(ByteString.CopyFrom(new byte[OversizedBytes]));
                    }

                    return (stream.ToArray(), $"{OversizedBytes} bytes");
                }
        }
    }

    /// <summary>A plausible request followed by a field whose wire type its descriptor does not allow, or by a malformed tag.</summary>
    private (byte[] Bytes, string Detail) WrongWireType(MessageDescriptor request)
    {
        var prefix = generator.Plausible(random, request, new Dictionary<string, string>()).ToWire();
        using var stream = new MemoryStream();
        stream.Write(prefix);
        var output = new CodedOutputStream(stream);
        var fields = request.Fields.InDeclarationOrder();
        var field = fields.Count == 0 ? null : fields[random.Next(fields.Count)];
        var number = field?.FieldNumber ?? 1;
        string detail;
        switch (random.Next(7))
        {
            case 0:
                output.WriteTag(number, WireFormat.WireType.Varint);
                output.WriteInt64(long.MinValue);
                detail = $"field {number} as varint";
                break;
            case 1:
                output.WriteTag(number, WireFormat.WireType.Fixed32);
                output.WriteFixed32(0xdeadbeef);
                detail = $"field {number} as fixed32";
                break;
            case 2:
                output.WriteTag(number, WireFormat.WireType.Fixed64);
                output.WriteFixed64(ulong.MaxValue);
                detail = $"field {number} as fixed64";
                break;
            case 3:
                output.WriteTag(number, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(FuzzValues.Bytes(random, 30)));
                detail = $"field {number} as length-delimited";
                break;
            case 4:
                output.WriteTag(number, WireFormat.WireType.StartGroup);
                output.WriteTag(number, WireFormat.WireType.EndGroup);
                detail = $"field {number} as a group";
                break;
            case 5:
                output.WriteRawTag((byte)((number << 3) | random.Next(6, 8)));
                detail = $"field {number} with wire type 6 or 7";
                break;
            default:
                output.WriteTag(number, WireFormat.WireType.LengthDelimited);
                output.WriteLength(1_000_000); // longer than what follows
                detail = $"field {number} claiming 1,000,000 bytes";
                break;
        }

        output.Flush();
        return (stream.ToArray(), detail);
    }

    private void DrawJson(FuzzTarget target, MethodDescriptor method, HttpRule rule)
    {
        var (verb, template) = Route(rule);
        var patterns = PathPatterns(method);
        string[] kinds = ["json mutated", "json mutated", "json mutated", "json mutated", "json wrong types", "json wrong types", "json malformed", "json hostile path"];
        foreach (var kind in kinds)
        {
            var message = kind == "json wrong types" ? FuzzGenerator.Hostile(random, method.InputType) : generator.Plausible(random, method.InputType, patterns);
            var detail = kind == "json mutated" ? FuzzGenerator.Mutate(random, message) : string.Empty;
            var path = FillPath(template, message, hostile: kind == "json hostile path" || random.Next(8) == 0);
            if (verb == HttpMethod.Get && random.Next(2) == 0)
            {
                path += Query(message, patterns);
            }

            string? body = rule.Body switch
            {
                "" => random.Next(6) == 0 ? "{\"unexpected\":1}" : null,
                "*" => message.ToJson(random, kind == "json wrong types" ? 0.3 : 0),
                var field => (message.ValueAt(field) as FuzzMessage ?? new FuzzMessage(method.InputType.FindFieldByName(field).MessageType)).ToJson(random, kind == "json wrong types" ? 0.3 : 0),
            };
            if (kind == "json malformed")
            {
                body = FuzzValues.MalformedJson(random, body ?? "{}");
            }

            Add(new FuzzCase(_cases.Count, target, method, kind, detail.Length > 0 ? detail : Shorten(body ?? "(no body)"), false)
            {
                Verb = verb,
                Path = path,
                Body = body is null ? null : Encoding.UTF8.GetBytes(body),
                ContentType = random.Next(15) == 0 ? "text/plain" : "application/json",
            });
        }

        var bodyMessage = rule.Body switch { "" => null, "*" => method.InputType, var field => method.InputType.FindFieldByName(field)?.MessageType };
        var text = bodyMessage?.Fields.InDeclarationOrder().FirstOrDefault(f => f.FieldType == FieldType.String && !f.IsRepeated);
        if (text is not null && method.Service.Methods.IndexOf(method) % 4 == 0)
        {
            // A string field the parser must read to its end: only the body size limit can stop it.
            Add(new FuzzCase(_cases.Count, target, method, "json oversized", $"{OversizedBytes} bytes in {text.JsonName}", false)
            {
                Verb = verb,
                Path = FillPath(template, generator.Plausible(random, method.InputType, patterns), hostile: false),
                Body = Encoding.UTF8.GetBytes("{\"" + text.JsonName + "\":\"" + new string('x', OversizedBytes) + "\"}"),
            });
        }
    }

    private void Add(FuzzCase fuzzCase)
    {
        _cases.Add(fuzzCase);
        // A sample through the gateway (the gateway's own OverviewService is answered by the gateway in any case).
        if (fuzzCase.Id % GatewayEvery == 0 && fuzzCase.Target.Process.Name != "gateway")
        {
            _cases.Add(fuzzCase with { Id = _cases.Count, ViaGateway = true });
        }
    }

    private string FillPath(string template, FuzzMessage message, bool hostile) => PathVariable().Replace(template, match =>
    {
        var value = message.ValueAt(match.Groups[1].Value);
        if (!hostile && value is string { Length: > 0 } text)
        {
            return string.Join('/', text.Split('/').Select(Uri.EscapeDataString));
        }

        if (!hostile && value is long number)
        {
            return number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var pattern = match.Groups[3].Success ? match.Groups[3].Value : "*";
        return Regex.Replace(pattern, "\\*+", _ => HostileSegment());
    });

    private string HostileSegment()
    {
        var text = random.Next(4) switch
        {
            0 => new[] { "99999999999999999999", "-1", "0", "abc", "1e3", "2024.5", "-2147483649", "..", "." }[random.Next(9)],
            _ => FuzzValues.Text(random),
        };
        text = text.Length > 1_500 ? text[..1_500] : text;
        // Unpaired surrogates cannot be percent-encoded; U+FFFD stands for them, as a browser would send.
        var escaped = Uri.EscapeDataString(new string([.. text.Select(c => char.IsSurrogate(c) ? '\ufffd' : c)]));
        return escaped.Length == 0 ? "%20" : escaped;
    }

    private string Query(FuzzMessage message, IReadOnlyDictionary<string, string> pathPatterns)
    {
        var parts = new List<string>();
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder().Where(f => f.FieldType != FieldType.Message && !pathPatterns.ContainsKey(f.Name)))
        {
            if (random.Next(2) == 0)
            {
                var value = random.Next(3) == 0 ? FuzzValues.Scalar(random, field) : message.ValueAt(field.Name) ?? FuzzValues.Plain(random, field);
                var text = value switch
                {
                    byte[] bytes => Convert.ToBase64String(bytes),
                    double number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                };
                text = new string([.. text.Take(1_500).Select(c => char.IsSurrogate(c) ? '\ufffd' : c)]);
                parts.Add($"{field.JsonName}={Uri.EscapeDataString(text)}");
            }
        }

        return parts.Count == 0 ? "?pageSize=abc" : "?" + string.Join('&', parts);
    }

    private static string Shorten(string text) => FuzzGenerator.Show(text);

    [GeneratedRegex("\\{([^}=]+)(=([^}]+))?\\}")]
    private static partial Regex PathVariable();
}
