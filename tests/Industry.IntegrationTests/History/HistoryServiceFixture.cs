using Industry.TestInfrastructure;

namespace Industry.IntegrationTests.History;

/// <summary>
/// The history service as a real process on its own PostgreSQL database and a virtual host of its own: it stores every
/// event it hears, and its tests assert exactly what it stored, so the events other test classes raise must not reach it.
/// </summary>
public sealed class HistoryServiceFixture() : ServiceFixture("history", "Industry.History")
{
    protected override bool OwnVirtualHost => true;
}
