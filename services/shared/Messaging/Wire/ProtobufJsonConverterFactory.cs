using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Industry.ServiceDefaults.Messaging.Wire;

/// <summary>
/// Lets MassTransit's raw JSON serializer write and read protobuf messages in the proto3 JSON mapping, so the body of
/// every event is exactly what <c>JsonFormat</c>/<c>json_format</c>/<c>fromJson</c> of any protobuf library produces and reads.
/// </summary>
public sealed class ProtobufJsonConverterFactory : JsonConverterFactory
{
    private static readonly ConcurrentDictionary<Type, JsonConverter> Converters = new();

    public override bool CanConvert(Type typeToConvert) => typeof(IMessage).IsAssignableFrom(typeToConvert) && !typeToConvert.IsInterface;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        Converters.GetOrAdd(typeToConvert, static type => (JsonConverter)Activator.CreateInstance(typeof(MessageConverter<>).MakeGenericType(type))!);

    private sealed class MessageConverter<T> : JsonConverter<T>
        where T : class, IMessage
    {
        private static readonly MessageDescriptor Descriptor =
            (MessageDescriptor)typeof(T).GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return (T)ProtoJson.Parser.Parse(document.RootElement.GetRawText(), Descriptor);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteRawValue(ProtoJson.Formatter.Format(value), skipInputValidation: true);
    }
}
