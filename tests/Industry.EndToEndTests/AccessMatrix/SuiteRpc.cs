using Google.Api;
using Google.Protobuf.Reflection;
using Industry.Common.V1;
using Industry.ServiceDefaults.Security;

namespace Industry.EndToEndTests.AccessMatrix;

/// <summary>
/// One RPC of a suite service as its descriptor states it: the matrix's only source of what to call (path, HTTP rule)
/// and of what to expect (the declared access), so a new method is in the matrix the day its proto lands.
/// </summary>
internal sealed record SuiteRpc(MethodDescriptor Method)
{
    public string Path => MethodPermissions.PathOf(Method);

    public Access Access => MethodPermissions.Declared(Method);

    /// <summary>The <c>google.api.http</c> rule, or null when the method has no JSON/REST face.</summary>
    public HttpRule? Http => Method.GetOptions() is { } options && options.HasExtension(AnnotationsExtensions.Http)
        ? options.GetExtension(AnnotationsExtensions.Http)
        : null;

    public string FullName => Method.FullName;

    public override string ToString() => $"{Method.Service.Name}.{Method.Name}";
}
