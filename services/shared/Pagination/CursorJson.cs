using System.Text.Json.Serialization;

namespace Industry.ServiceDefaults.Pagination;

/// <summary>Source-generated JSON for <see cref="Cursor"/>: no reflection on the hot path of every list call.</summary>
[JsonSerializable(typeof(Cursor))]
internal sealed partial class CursorJson : JsonSerializerContext;
