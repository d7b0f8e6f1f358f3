using Industry.Projects.V1;
using Industry.TestInfrastructure;

namespace Industry.IntegrationTests.EventBackbone;

/// <summary><c>PlanUpdated</c> events made by hand (published with <see cref="EventPublisher"/>), to replay, duplicate or poison them.</summary>
public static class PlanEvents
{
    public const string Exchange = "industry.projects.v1.plan-updated";

    public static PlanUpdated Updated(Guid id, int year, long version, int target) => new()
    {
        Metadata = EventPublisher.Metadata<PlanUpdated>($"plans/{year}", version, id),
        Plan = new Plan { Name = $"plans/{year}", Year = year, TargetKeyProjectsUnderImplementation = target },
    };
}
