using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Industry.EndToEndTests.Fuzz;

/// <summary>
/// A request message as field/value pairs in wire order, built from a descriptor. Not a generated message: the
/// fuzz needs values no generated class can hold (an enum number the proto does not define, an int32 field given
/// an int64, a string field given invalid UTF-8), and both the wire and the JSON form of the same content.
/// </summary>
internal sealed class FuzzMessage(MessageDescriptor descriptor)
{
    public MessageDescriptor Descriptor { get; } = descriptor;

    /// <summary>Values: string or byte[] (string, bytes), long (signed, enum), ulong (unsigned), double, bool, FuzzMessage.</summary>
    public List<FuzzField> Fields { get; } = [];

    public void Add(FieldDescriptor field, object value) => Fields.Add(new FuzzField(field, value));

    public bool Has(FieldDescriptor field) => Fields.Exists(f => f.Field.FieldNumber == field.FieldNumber);

    public object? ValueAt(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? path : path[..dot];
        var entry = Fields.Find(f => f.Field.Name == head);
        return entry is null ? null
            : dot < 0 ? entry.Value
            : entry.Value is FuzzMessage nested ? nested.ValueAt(path[(dot + 1)..]) : null;
    }

    /// <summary>Every field entry of this message and of the messages below it, with its parent.</summary>
    public IEnumerable<(FuzzMessage Parent, FuzzField Entry)> Leaves()
    {
        foreach (var entry in Fields)
        {
            if (entry.Value is FuzzMessage nested)
            {
                foreach (var leaf in nested.Leaves())
                {
                    yield return leaf;
                }
            }

            yield return (this, entry);
        }
    }

    public byte[] ToWire()
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        WriteTo(output);
        output.Flush();
        return stream.ToArray();
    }

    private void WriteTo(CodedOutputStream output)
    {
        foreach (var (field, value) in Fields)
        {
            var number = field.FieldNumber;
            switch (field.FieldType)
            {
                case FieldType.Double:
                    output.WriteTag(number, WireFormat.WireType.Fixed64);
                    output.WriteDouble((double)value);
                    break;
                case FieldType.Float:
                    output.WriteTag(number, WireFormat.WireType.Fixed32);
                    output.WriteFloat((float)(double)value);
                    break;
                case FieldType.Int64 or FieldType.Int32 or FieldType.Enum:
                    output.WriteTag(number, WireFormat.WireType.Varint);
                    output.WriteInt64((long)value);
                    break;
                case FieldType.SInt32:
                    output.WriteTag(number, WireFormat.WireType.Varint);
                    output.WriteSInt32(unchecked((int)(long)value));
                    break;
                case FieldType.SInt64:
                    output.WriteTag(number, WireFormat.WireType.Varint);
                    output.WriteSInt64((long)value);
                    break;
                case FieldType.SFixed32:
                    output.WriteTag(number, WireFormat.WireType.Fixed32);
                    output.WriteSFixed32(unchecked((int)(long)value));
                    break;
                case FieldType.SFixed64:
                    output.WriteTag(number, WireFormat.WireType.Fixed64);
                    output.WriteSFixed64((long)value);
                    break;
                case FieldType.UInt32 or FieldType.UInt64:
                    output.WriteTag(number, WireFormat.WireType.Varint);
                    output.WriteUInt64((ulong)value);
                    break;
                case FieldType.Fixed32:
                    output.WriteTag(number, WireFormat.WireType.Fixed32);
                    output.WriteFixed32(unchecked((uint)(ulong)value));
                    break;
                case FieldType.Fixed64:
                    output.WriteTag(number, WireFormat.WireType.Fixed64);
                    output.WriteFixed64((ulong)value);
                    break;
                case FieldType.Bool:
                    output.WriteTag(number, WireFormat.WireType.Varint);
                    output.WriteBool((bool)value);
                    break;
                case FieldType.String or FieldType.Bytes:
                    output.WriteTag(number, WireFormat.WireType.LengthDelimited);
                    // Encoded here, not by WriteString: lone surrogates must reach the wire (as U+FFFD) instead of throwing.
                    output.WriteBytes(ByteString.CopyFrom(value as byte[] ?? Encoding.UTF8.GetBytes((string)value)));
                    break;
                case FieldType.Message:
                    output.WriteTag(number, WireFormat.WireType.LengthDelimited);
                    output.WriteBytes(ByteString.CopyFrom(((FuzzMessage)value).ToWire()));
                    break;
                default:
                    break; // groups: not used by any proto of the suite
            }
        }
    }

    /// <summary>The proto3 JSON form; <paramref name="wrongType"/> decides, per value, to write a value of another JSON type instead.</summary>
    public string ToJson(Random random, double wrongType)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteJson(writer, random, wrongType);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private void WriteJson(Utf8JsonWriter writer, Random random, double wrongType)
    {
        writer.WriteStartObject();
        foreach (var group in Fields.GroupBy(f => f.Field.FieldNumber))
        {
            var field = group.First().Field;
            writer.WritePropertyName(field.JsonName);
            if (field.IsRepeated)
            {
                writer.WriteStartArray();
                foreach (var entry in group)
                {
                    WriteJsonValue(writer, field, entry.Value, random, wrongType);
                }

                writer.WriteEndArray();
            }
            else
            {
                WriteJsonValue(writer, field, group.Last().Value, random, wrongType);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteJsonValue(Utf8JsonWriter writer, FieldDescriptor field, object value, Random random, double wrongType)
    {
        if (random.NextDouble() < wrongType)
        {
            writer.WriteRawValue(FuzzValues.WrongJsonValue(random), skipInputValidation: true);
            return;
        }

        switch (value)
        {
            case FuzzMessage { Descriptor.FullName: "google.protobuf.Timestamp" } timestamp:
                var seconds = timestamp.ValueAt("seconds") as long? ?? 0;
                writer.WriteStringValue(seconds is > -62135596800 and < 253402300800
                    ? DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)
                    : seconds.ToString(CultureInfo.InvariantCulture) + "-13-45T99:99:99Z");
                break;
            case FuzzMessage { Descriptor.FullName: "google.protobuf.FieldMask" } mask:
                writer.WriteStringValue(string.Join(',', mask.Fields.Select(f => f.Value as string ?? string.Empty)));
                break;
            case FuzzMessage nested:
                nested.WriteJson(writer, random, wrongType);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case byte[] bytes when field.FieldType == FieldType.Bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            case byte[] bytes:
                // Invalid UTF-8 inside a JSON string: written raw, as a careless client would.
                writer.WriteRawValue([(byte)'"', .. bytes.Where(b => b is not ((byte)'"' or (byte)'\\') and >= 0x20), (byte)'"'], skipInputValidation: true);
                break;
            case long number when field.FieldType == FieldType.Enum:
                var known = field.EnumType.FindValueByNumber(unchecked((int)number));
                if (known is not null && random.Next(2) == 0)
                {
                    writer.WriteStringValue(known.Name);
                }
                else
                {
                    writer.WriteNumberValue(number);
                }

                break;
            case long number when random.Next(2) == 0 && field.FieldType is FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64:
                writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case ulong number:
                writer.WriteNumberValue(number);
                break;
            case double number when double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture) switch { "∞" => "Infinity", "-∞" => "-Infinity", var s => s });
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}

internal sealed record FuzzField(FieldDescriptor Field, object Value)
{
    public object Value { get; set; } = Value;
}
