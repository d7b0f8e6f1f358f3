using Grpc.Net.Client;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests;

/// <summary>Starts the four processes once for every test of the "suite" collection.</summary>
public sealed class SuiteFixture : IAsyncLifetime
{
    private SuiteProcesses? _suite;

    public SuiteProcesses Suite => _suite ?? throw new InvalidOperationException("The suite is not started.");

    public GrpcChannel Gateway { get; private set; } = null!;

    public HttpClient GatewayHttp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _suite = await SuiteProcesses.StartAsync();
        Gateway = TestTokens.Channel(_suite.Gateway.GrpcAddress);
        GatewayHttp = TestTokens.Http(_suite.Gateway.HttpAddress, timeout: TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        GatewayHttp?.Dispose();
        if (_suite is not null)
        {
            await _suite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SuiteDefinition : ICollectionFixture<SuiteFixture>
{
    public const string Name = "suite";
}
