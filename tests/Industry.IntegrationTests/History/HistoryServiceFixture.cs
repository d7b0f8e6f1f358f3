using Industry.TestInfrastructure;

namespace Industry.IntegrationTests.History;

/// <summary>The history service as a real process on its own PostgreSQL database and the real broker.</summary>
public sealed class HistoryServiceFixture() : ServiceFixture("history", "Industry.History");
