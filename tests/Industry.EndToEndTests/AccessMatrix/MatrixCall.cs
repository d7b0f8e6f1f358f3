using Google.Protobuf;

namespace Industry.EndToEndTests.AccessMatrix;

internal enum Transport
{
    Grpc,
    GrpcWeb,
    Rest,
}

/// <summary>One cell of the matrix: a method, by one transport and entry, as one identity, aimed at a city, under one spelling of its path.</summary>
internal sealed record MatrixCall(SuiteRpc Rpc, Transport Transport, string Entry, Uri Address, Identity Identity, CityResources? Target, PathVariant Variant, Expected Expected)
{
    /// <summary>The REST verb and body (null for gRPC); the request is built per call, as creates need fresh project codes.</summary>
    public Func<IMessage> Request { get; init; } = () => throw new InvalidOperationException("No request.");

    public RestRequest? Rest { get; init; }

    public async Task<Outcome> SendAsync(RawCaller caller, CancellationToken cancellationToken)
    {
        var outcome = Transport switch
        {
            Transport.Grpc => await caller.GrpcAsync(Address, Variant.Path, Request(), Identity.Token, cancellationToken),
            Transport.GrpcWeb => await caller.GrpcWebAsync(Address, Variant.Path, Request(), Identity.Token, cancellationToken),
            _ => await caller.RestAsync(Address, Rest!.Verb, Variant.Path, Rest.Body, Identity.Token, cancellationToken),
        };
        return RequestAims.Interpret(Rpc, outcome);
    }

    public override string ToString() =>
        $"{Rpc} {Transport} via {Entry} as {Identity}{(Target is null ? string.Empty : " on city " + Target)}, path {Variant.Name} {Variant.Path}";
}
