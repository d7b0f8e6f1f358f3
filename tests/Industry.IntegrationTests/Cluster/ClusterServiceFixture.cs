using Industry.TestInfrastructure;

namespace Industry.IntegrationTests.Cluster;

/// <summary>The cluster service as a real process on its own PostgreSQL database and the real broker.</summary>
public sealed class ClusterServiceFixture() : ServiceFixture("cluster", "Industry.Cluster");
