namespace Industry.IntegrationTests.EventBackbone;

/// <summary>
/// Tests that stop the broker, kill processes or count every message on an exchange: they run alone, after the
/// parallel tests, so that no other test shares the broker while it is down.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerFaultDefinition
{
    public const string Name = "broker faults";
}
