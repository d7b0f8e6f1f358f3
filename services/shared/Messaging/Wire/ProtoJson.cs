using Google.Protobuf;

namespace Industry.ServiceDefaults.Messaging.Wire;

/// <summary>
/// The proto3 JSON mapping used on the wire (ADR 0010): field names in lowerCamelCase, enums by name, 64-bit integers
/// as strings, default values omitted. Unknown fields are ignored on reading, so a consumer built against an older
/// version of a proto keeps working when fields are added.
/// </summary>
public static class ProtoJson
{
    public static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);

    public static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
}
