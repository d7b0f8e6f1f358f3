using System.Reflection;
using System.Text;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Industry.ServiceDefaults.Pagination;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests;

/// <summary>
/// Every list method of every <c>industry.*</c> service (found in the contracts' descriptors, so a new one is covered
/// without a change here) answers a page token that does not verify or decode with <c>INVALID_ARGUMENT</c> on
/// <c>page_token</c>, never <c>INTERNAL</c>: random bytes, base64 garbage, truncated and altered tokens, a very long one,
/// and tokens signed with the test processes' page-token key (answered, or INVALID_ARGUMENT when their keys do not fit the
/// list; never another error). Directly and through the gateway.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class PageTokenFuzzTests(SuiteFixture fixture)
{
    /// <summary>
    /// The processes run in the <c>Testing</c> environment without <c>Pagination__TokenKey</c>, so they sign with the
    /// public development key: a forger who knows the key is the worst case.
    /// </summary>
    private static readonly PageTokenCodec DevelopmentCodec = new(Encoding.UTF8.GetBytes(PageTokenKey.DevelopmentKey));

    private static readonly IReadOnlyList<MethodDescriptor> ListMethods = [.. typeof(Industry.Projects.V1.ProjectService).Assembly.GetTypes()
        .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
        .Where(p => p?.PropertyType == typeof(ServiceDescriptor))
        .Select(p => (ServiceDescriptor)p!.GetValue(null)!)
        .Where(s => s.FullName.StartsWith("industry.", StringComparison.Ordinal))
        .SelectMany(s => s.Methods)
        .Where(m => m.Name.StartsWith("List", StringComparison.Ordinal) && m.InputType.FindFieldByName("page_token") is not null)
        .OrderBy(m => m.FullName, StringComparer.Ordinal)];

    public static TheoryData<string> Methods => [.. ListMethods.Select(m => m.FullName)];

    [Fact]
    public void TheContractsHaveTheListMethodsOfEveryService() =>
        Assert.All(new[] { "industry.clusters.v1.ClusterService", "industry.projects.v1.ProjectService", "industry.parks.v1.ParkService" },
            service => Assert.Contains(ListMethods, m => m.Service.FullName == service));

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task ABadPageToken_IsInvalidArgumentOnPageToken_DirectlyAndThroughTheGateway(string fullName)
    {
        var method = ListMethods.Single(m => m.FullName == fullName);
        using var direct = TestTokens.Channel(Backend(method).GrpcAddress);
        var failures = new List<string>();

        foreach (var (target, invoker) in new[] { ("direct", direct.CreateCallInvoker()), ("gateway", fixture.Gateway.CreateCallInvoker()) })
        {
            foreach (var (kind, token) in BadTokens(method))
            {
                var answer = await CallAsync(invoker, method, token);
                // A token signed with the key whose keys happen to fit the list is a valid token (a position to resume
                // from), so it may be answered; what it must never get is another error.
                if (answer is not null && !(answer == "OK" && kind.StartsWith("forged", StringComparison.Ordinal)))
                {
                    failures.Add($"{target}, {kind} ({token[..Math.Min(token.Length, 40)]}): {answer}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>A few dozen bad tokens for <paramref name="method"/>, the same on every run (seeded by the method's name).</summary>
    private static IEnumerable<(string Kind, string Token)> BadTokens(MethodDescriptor method)
    {
        var random = new Random(StableSeed(method.FullName));
        for (var i = 0; i < 8; i++)
        {
            yield return ("random bytes", Base64Url(Bytes(random, random.Next(1, 200))));
            yield return ("random payload and mac", Base64Url(Bytes(random, random.Next(1, 120))) + "." + Base64Url(Bytes(random, 16)));
        }

        foreach (var garbage in new[] { ".", "a.b", "====", "!!!.???", "%00", "\u4e2d\u6587.\u4e2d\u6587", " . ", "YWJj.", ".YWJj", "a.b.c" })
        {
            yield return ("base64 garbage", garbage);
        }

        yield return ("very long", new string('A', 200_000) + "." + new string('B', 22));

        // Signed with the key: the scopes this method may use (its name, then its parent and empty filter/order), and keys
        // of every wrong shape. Only a forger holding the key gets past the signature; what follows must still be its error.
        string[][] shapes = [[], ["x"], ["x", "y", "z"], ["not-a-number", "9999-99"], [""], ["-1"], ["99999999999"], ["\u0000", "2024-13"]];
        var valid = new List<string>();
        foreach (var scope in Scopes(method))
        {
            foreach (var keys in shapes)
            {
                var token = DevelopmentCodec.Encode(scope, keys);
                valid.Add(token);
                yield return ("forged keys " + string.Join(',', keys), token);
            }
        }

        for (var i = 0; i < 8; i++)
        {
            var token = valid[random.Next(valid.Count)];
            yield return ("truncated", token[..random.Next(1, token.Length - 1)]);
            var chars = token.ToCharArray();
            var at = random.Next(chars.Length);
            chars[at] = chars[at] == 'A' ? 'B' : 'A';
            yield return ("flipped", new string(chars));
        }
    }

    private static IEnumerable<string> Scopes(MethodDescriptor method)
    {
        var parent = ParentOf(method);
        foreach (var prefix in parent is null ? [[]] : new[] { Array.Empty<string>(), [parent] })
        {
            for (var empties = 0; empties <= 2; empties++)
            {
                yield return PageTokenCodec.Scope(method.Name, [.. prefix, .. Enumerable.Repeat(string.Empty, empties)]);
            }
        }
    }

    /// <summary>The request: <c>page_token</c> set, and a <c>parent</c> of "every parent" (<c>projects/-</c>) from the method's HTTP path.</summary>
    private static IMessage Request(MethodDescriptor method, string token)
    {
        var request = method.InputType.Parser.ParseFrom(ByteString.Empty);
        method.InputType.FindFieldByName("page_token").Accessor.SetValue(request, token);
        if (ParentOf(method) is { } parent)
        {
            method.InputType.FindFieldByName("parent").Accessor.SetValue(request, parent);
        }

        return request;
    }

    private static string? ParentOf(MethodDescriptor method)
    {
        if (method.InputType.FindFieldByName("parent") is null)
        {
            return null;
        }

        var path = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http)?.Get ?? string.Empty;
        var start = path.IndexOf("{parent=", StringComparison.Ordinal);
        if (start < 0 && IsOptional(method.InputType.FindFieldByName("parent")))
        {
            return null; // a filter (e.g. ListDivisions' parent division), not the collection's owner
        }

        Assert.True(start >= 0, $"{method.FullName} has a required parent field but no {{parent=…}} in its HTTP path");
        return path[(start + "{parent=".Length)..path.IndexOf('}', start)].Replace("*", "-", StringComparison.Ordinal);
    }

    private static bool IsOptional(FieldDescriptor field) =>
        field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior)?.Contains(FieldBehavior.Optional) == true;

    /// <summary>Null when the call was refused as it must be, else what it answered.</summary>
    private static async Task<string?> CallAsync(CallInvoker invoker, MethodDescriptor method, string token)
    {
        try
        {
            await DescriptorCalls.CallAsync(invoker, method, [Request(method, token).ToByteArray()], new CallOptions(deadline: DateTime.UtcNow.AddSeconds(15)));
            return "OK";
        }
        catch (RpcException error)
        {
            var field = error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.FirstOrDefault()?.Field;
            return error.StatusCode == StatusCode.InvalidArgument && field == "page_token"
                ? null
                : $"{error.StatusCode} {field} {error.Status.Detail}";
        }
    }

    private ServiceProcess Backend(MethodDescriptor method) => method.Service.File.Package switch
    {
        var p when p.StartsWith("industry.clusters.", StringComparison.Ordinal) => fixture.Suite.Cluster,
        var p when p.StartsWith("industry.projects.", StringComparison.Ordinal) => fixture.Suite.Projects,
        var p when p.StartsWith("industry.parks.", StringComparison.Ordinal) => fixture.Suite.Parks,
        var p when p.StartsWith("industry.history.", StringComparison.Ordinal) => fixture.Suite.History,
        _ => fixture.Suite.Gateway, // composed by the gateway itself
    };

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static int StableSeed(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));
}
