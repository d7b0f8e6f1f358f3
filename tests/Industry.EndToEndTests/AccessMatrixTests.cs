using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Industry.Common.V1;
using Industry.EndToEndTests.AccessMatrix;
using Industry.ServiceDefaults.Security;
using Xunit.Abstractions;

namespace Industry.EndToEndTests;

/// <summary>
/// The authorization matrix, generated from the contracts (docs/security.md): every RPC of every suite service, found
/// through the descriptors, called from outside as every kind of caller (no token, expired, signed with another key,
/// <c>alg: none</c>, viewer, county editor and city editor on their own county's, another county's of the city and
/// another city's resource, province admin), over gRPC,
/// gRPC-Web and JSON/REST, through the gateway and directly on its service, with its canonical path and with spellings
/// of it that routing might forgive. What each call must answer follows from the method's declared access only; refused
/// calls of write methods must store nothing (a fingerprint of every table of every service's database).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class AccessMatrixTests(SuiteFixture fixture, ITestOutputHelper output) : IDisposable
{
    private const int InFlight = 24;

    private readonly RawCaller _caller = new();

    public static TheoryData<string, string> Cells
    {
        get
        {
            var cells = new TheoryData<string, string>();
            foreach (var service in MethodPermissions.SuiteServices())
            {
                foreach (var transport in Enum.GetNames<Transport>())
                {
                    cells.Add(service.FullName, transport);
                }
            }

            return cells;
        }
    }

    [Fact]
    public void EveryMethod_DeclaresItsAccess()
    {
        var undeclared = MethodPermissions.SuiteServices().SelectMany(s => s.Methods)
            .Where(m => MethodPermissions.Declared(m) == Access.Unspecified)
            .Select(MethodPermissions.PathOf)
            .ToList();

        Assert.True(undeclared.Count == 0, $"These methods declare no option (industry.common.v1.access), so no one may call them: {string.Join(", ", undeclared)}.");
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task EveryMethod_AnswersEveryCaller_AsItsDeclaredAccessSays(string service, string transport)
    {
        var world = await MatrixWorld.GetAsync(fixture, _caller);
        var descriptor = MethodPermissions.SuiteServices().Single(s => s.FullName == service);
        var failures = new ConcurrentBag<string>();
        var calls = Plan(world, descriptor, Enum.Parse<Transport>(transport), failures);
        var refused = calls.Where(c => c.Expected.Refused).ToList();
        var reads = calls.Where(c => !c.Expected.Refused && c.Rpc.Access == Access.Read).ToList();
        var writes = calls.Where(c => !c.Expected.Refused && c.Rpc.Access != Access.Read).ToList();
        var clock = Stopwatch.StartNew();

        var before = await StateFingerprint.SettledAsync(fixture.Suite.Databases, TimeSpan.FromSeconds(15));
        await RunAsync(refused, failures);
        var after = await StateFingerprint.TakeAsync(fixture.Suite.Databases);
        foreach (var change in before.Differences(after))
        {
            failures.Add($"refused calls changed stored state: {change}");
        }

        // Reads aimed at real resources must leave them as they are: a write declared ACCESS_READ would not.
        await RunAsync(reads, failures);
        foreach (var change in after.Differences(await StateFingerprint.TakeAsync(fixture.Suite.Databases)))
        {
            failures.Add($"calls of methods declared ACCESS_READ ({string.Join(", ", reads.Select(c => c.Rpc.Method.Name).Distinct())}) changed stored state: {change}");
        }

        await RunAsync(writes, failures);

        output.WriteLine($"{service} over {transport}: {calls.Count} calls ({refused.Count} refused, {reads.Count} allowed reads, {writes.Count} allowed writes) in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {calls.Count} calls of {service} over {transport} answered otherwise than the declared access says:\n"
            + string.Join('\n', failures.Order(StringComparer.Ordinal)));
    }

    public void Dispose() => _caller.Dispose();

    private List<MatrixCall> Plan(MatrixWorld world, Google.Protobuf.Reflection.ServiceDescriptor service, Transport transport, ConcurrentBag<string> failures)
    {
        var host = world.Hosts[service.FullName];
        var entries = new List<(string Name, Uri Address)>
        {
            ("gateway", transport == Transport.Grpc ? fixture.Suite.Gateway.GrpcAddress : fixture.Suite.Gateway.HttpAddress),
        };
        if (host is not null)
        {
            entries.Add((host.Name, transport == Transport.Grpc ? host.GrpcAddress : host.HttpAddress));
        }

        var calls = new List<MatrixCall>();
        foreach (var rpc in service.Methods.Select(m => new SuiteRpc(m)))
        {
            if (rpc.Access == Access.Unspecified)
            {
                failures.Add($"{rpc} declares no option (industry.common.v1.access): declare ACCESS_READ, ACCESS_CITY_WRITE, ACCESS_COUNTY_WRITE or ACCESS_ADMIN_WRITE.");
                continue;
            }

            // The HTTP rule says what the method does independently of the access it declares (AIP-127: reads are GET).
            if (rpc.Access == Access.Read && rpc.Http is { PatternCase: not Google.Api.HttpRule.PatternOneofCase.Get } rule)
            {
                failures.Add($"{rpc} is declared ACCESS_READ, which every role holds, but its google.api.http rule is {rule.PatternCase.ToString().ToUpperInvariant()}: a write.");
            }

            // JSON transcoding has no client streaming: such a method has no JSON face whatever its rule says.
            if (transport == Transport.Rest && (rpc.Http is null || rpc.Method.IsClientStreaming))
            {
                continue;
            }

            CityResources?[] targets = rpc.Access switch
            {
                Access.CityWrite => [world.A, world.B],
                Access.CountyWrite => [world.A, world.OtherCountyOfA, world.B],
                Access.Read => [world.A],
                _ => [null],
            };
            foreach (var target in targets)
            {
                if (RequestAims.For(rpc, target) is null)
                {
                    failures.Add($"{rpc} is {rpc.Access} but cannot be aimed at a city: give its request a field with a google.api.resource_reference to a kind the matrix creates, or add an aim override in {nameof(RequestAims)}.");
                    break;
                }

                var rest = transport == Transport.Rest ? RestRequest.Of(rpc.Http!, RequestAims.For(rpc, target)!) : null;
                var canonical = rest is null ? PathVariant.Canonical(rpc.Path) : PathVariant.Canonical(rest.PathAndQuery);
                var variants = rest is null ? PathVariant.OfGrpc(rpc.Path) : PathVariant.OfRest(rest.Template, rest.PathAndQuery);
                foreach (var identity in Identity.All)
                {
                    // Another city's (county's) resource tells something only to the roles that may write in some city (county).
                    if (target != world.A && identity.Role is not (Roles.CountyEditor or Roles.CityEditor or Roles.ProvinceAdmin))
                    {
                        continue;
                    }

                    var expected = Expected.For(rpc.Access, identity, target);
                    foreach (var variant in variants.Prepend(canonical))
                    {
                        foreach (var (entry, address) in entries)
                        {
                            calls.Add(new MatrixCall(rpc, transport, entry, address, identity, target, variant, expected.For(variant))
                            {
                                Request = () => RequestAims.For(rpc, target)!,
                                Rest = rest,
                            });
                        }
                    }
                }
            }
        }

        return calls;
    }

    private async Task RunAsync(IReadOnlyList<MatrixCall> calls, ConcurrentBag<string> failures)
    {
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (call, cancellationToken) =>
        {
            Outcome outcome;
            try
            {
                outcome = await call.SendAsync(_caller, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                failures.Add($"{call}: expected {call.Expected.Description}, the call failed: {ex.GetType().Name} {ex.Message}");
                return;
            }

            if (!call.Expected.Holds(outcome))
            {
                failures.Add($"{call}: expected {call.Expected.Description}, got {outcome}");
            }
            else if (outcome.Code is StatusCode.Internal or StatusCode.Unknown)
            {
                output.WriteLine($"note: {call} answered {outcome}");
            }
        });
    }
}
