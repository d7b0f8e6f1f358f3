using Industry.TestInfrastructure;

namespace Industry.IntegrationTests.Parks;

/// <summary>The parks service as a real process on its own PostgreSQL database and the real broker.</summary>
public sealed class ParksServiceFixture() : ServiceFixture("parks", "Industry.Parks");
