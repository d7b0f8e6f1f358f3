using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Industry.Common.V1;

namespace Industry.ContractDocs.Descriptors;

/// <summary>A message or enum of the image, with the file it is declared in and its source-info path (for its comment).</summary>
internal sealed record Declared<T>(string FullName, T Proto, FileDescriptorProto File, IReadOnlyList<int> Path);

/// <summary>
/// The descriptors of a buf image (a <c>FileDescriptorSet</c> on the wire) with the options the documents need parsed
/// (<c>google.api.http</c>, <c>google.api.field_behavior</c>, <c>industry.common.v1.access</c>) and the comments of
/// every declaration. The C# runtime descriptors have no comments, hence the image.
/// </summary>
internal sealed class ProtoSet
{
    // Field numbers of descriptor.proto, the steps of a SourceCodeInfo path.
    private const int FileMessageType = 4;
    private const int FileEnumType = 5;
    private const int FileService = 6;
    private const int MessageNestedType = 3;
    private const int MessageEnumType = 4;

    private readonly Dictionary<string, Declared<DescriptorProto>> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Declared<EnumDescriptorProto>> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<(string File, string Path), string> _comments = [];

    private ProtoSet(IReadOnlyList<FileDescriptorProto> files)
    {
        Files = files;
        foreach (var file in files)
        {
            var prefix = file.Package.Length == 0 ? "" : file.Package + ".";
            for (var i = 0; i < file.MessageType.Count; i++)
            {
                AddMessage(file, prefix, file.MessageType[i], [FileMessageType, i]);
            }

            for (var i = 0; i < file.EnumType.Count; i++)
            {
                var e = file.EnumType[i];
                _enums[prefix + e.Name] = new(prefix + e.Name, e, file, [FileEnumType, i]);
            }

            foreach (var location in file.SourceCodeInfo?.Location ?? [])
            {
                var text = Clean(location.LeadingComments);
                if (text.Length > 0)
                {
                    _comments[(file.Name, Key(location.Path))] = text;
                }
            }
        }
    }

    public IReadOnlyList<FileDescriptorProto> Files { get; }

    /// <summary>The suite's own files (package <c>industry.*</c>), in name order.</summary>
    public IEnumerable<FileDescriptorProto> SuiteFiles =>
        Files.Where(f => f.Package.StartsWith("industry.", StringComparison.Ordinal)).OrderBy(f => f.Name, StringComparer.Ordinal);

    public IEnumerable<Declared<DescriptorProto>> Messages => _messages.Values;

    public static ProtoSet Load(string imagePath)
    {
        var registry = new ExtensionRegistry
        {
            AnnotationsExtensions.Http,
            FieldBehaviorExtensions.FieldBehavior,
            AccessExtensions.Access,
        };
        var set = FileDescriptorSet.Parser.WithExtensionRegistry(registry).ParseFrom(File.ReadAllBytes(imagePath));
        if (set.File.All(f => f.SourceCodeInfo is null))
        {
            throw new InvalidOperationException($"{imagePath} has no source info: build it without --exclude-source-info.");
        }

        return new ProtoSet(set.File);
    }

    /// <summary>A type name as fields spell it (<c>.industry.parks.v1.Park</c>) without its leading dot.</summary>
    public static string Strip(string typeName) => typeName.StartsWith('.') ? typeName[1..] : typeName;

    public Declared<DescriptorProto> Message(string fullName) =>
        _messages.TryGetValue(Strip(fullName), out var m) ? m : throw new InvalidOperationException($"No message {fullName} in the image.");

    public Declared<EnumDescriptorProto> Enum(string fullName) =>
        _enums.TryGetValue(Strip(fullName), out var e) ? e : throw new InvalidOperationException($"No enum {fullName} in the image.");

    public bool IsMessage(string fullName) => _messages.ContainsKey(Strip(fullName));

    /// <summary>The leading comment of the declaration at <paramref name="path"/>, or null.</summary>
    public string? Comment(FileDescriptorProto file, IEnumerable<int> path) =>
        _comments.GetValueOrDefault((file.Name, Key(path)));

    public static IReadOnlyList<int> Append(IReadOnlyList<int> path, params int[] steps) => [.. path, .. steps];

    public static IReadOnlyList<int> ServicePath(int service) => [FileService, service];

    private void AddMessage(FileDescriptorProto file, string prefix, DescriptorProto message, IReadOnlyList<int> path)
    {
        var fullName = prefix + message.Name;
        _messages[fullName] = new(fullName, message, file, path);
        for (var i = 0; i < message.NestedType.Count; i++)
        {
            AddMessage(file, fullName + ".", message.NestedType[i], Append(path, MessageNestedType, i));
        }

        for (var i = 0; i < message.EnumType.Count; i++)
        {
            var e = message.EnumType[i];
            _enums[fullName + "." + e.Name] = new(fullName + "." + e.Name, e, file, Append(path, MessageEnumType, i));
        }
    }

    private static string Key(IEnumerable<int> path) => string.Join('.', path);

    // Proto comments are line-wrapped prose with one leading space per line; Markdown renders the line breaks as spaces.
    private static string Clean(string? comment) =>
        comment is null
            ? ""
            : string.Join('\n', comment.Split('\n').Select(l => (l.StartsWith(' ') ? l[1..] : l).TrimEnd())).Trim();
}
