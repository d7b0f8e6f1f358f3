using Google.Protobuf;
using Industry.Common.V1;
using Industry.Projects.V1;
using Industry.TestInfrastructure;

namespace Industry.IntegrationTests.Cluster;

/// <summary>Project events made by hand (published with <see cref="EventPublisher"/>), so that a test can replay, duplicate or reorder them.</summary>
internal static class ProjectEvents
{
    /// <summary>A project as the events carry it.</summary>
    public static Project Project(
        string id,
        string cluster,
        long totalInvestmentYuan = 300_000_000,
        long completedInvestmentYuan = 0,
        ProjectState state = ProjectState.Reserve) => new()
        {
            Name = "projects/" + id,
            DisplayName = "年产10GWh动力电池项目 " + id,
            Cluster = cluster,
            State = state,
            Tier = totalInvestmentYuan >= 1_000_000_000 ? ProjectTier.Major
                : totalInvestmentYuan >= 100_000_000 ? ProjectTier.Key
                : ProjectTier.Guidance,
            TotalInvestmentYuan = totalInvestmentYuan,
            CumulativeCompletedInvestmentYuan = completedInvestmentYuan,
        };

    /// <summary>The envelope of an event about <paramref name="project"/> at <paramref name="version"/>, with a fresh event id.</summary>
    public static EventMetadata Metadata<TEvent>(Project project, long version)
        where TEvent : IMessage<TEvent> => EventPublisher.Metadata<TEvent>(project.Name, version);
}
