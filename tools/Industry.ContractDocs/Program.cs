using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Industry.ContractDocs.AsyncApi;
using Industry.ContractDocs.Descriptors;
using Industry.ContractDocs.OpenApi;

// Usage: Industry.ContractDocs <buf image with source info> <output directory>
if (args.Length != 2)
{
    await Console.Error.WriteLineAsync("usage: Industry.ContractDocs <image.binpb> <output directory>");
    return 2;
}

var protos = ProtoSet.Load(args[0]);
Directory.CreateDirectory(args[1]);
await Write(Path.Combine(args[1], "openapi.json"), OpenApiDocument.Build(protos));
await Write(Path.Combine(args[1], "asyncapi.json"), AsyncApiDocument.Build(protos));
return 0;

// Byte-for-byte the same output for the same protos (scripts/test.sh compares it with the committed files); the
// relaxed encoder keeps the comments' Chinese terms readable.
static Task Write(string path, JsonObject document)
{
    var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };
    return File.WriteAllTextAsync(path, document.ToJsonString(options) + "\n");
}
