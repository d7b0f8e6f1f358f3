using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Industry.Common.V1;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Messaging.Outbox;
using Industry.ServiceDefaults.Messaging.Wire;
using Industry.ServiceDefaults.Reference;
using Industry.ServiceDefaults.Resources;

namespace Industry.Benchmarks;

/// <summary>
/// A typical <c>PlanUpdated</c>, as <c>UpdatePlan</c> raises it for a full plan: the province-wide target, a target for
/// each of Anhui's 16 cities, the growth target, and all three paths in the update mask.
/// </summary>
internal static class SampleEvents
{
    public const string Actor = "benchmark";

    public static readonly ServiceIdentity Projects = new("projects");

    /// <summary>The event before <see cref="EventOutbox.Add{TEvent}"/> fills its metadata.</summary>
    public static PlanUpdated Plan(int year, long version, DateTime now)
    {
        var plan = new Plan
        {
            Name = "plans/" + year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Year = year,
            TargetKeyProjectsUnderImplementation = 1200,
            TargetInvestmentGrowthPercent = 15.0,
            Etag = Etag.Of(version),
            CreateTime = Timestamp.FromDateTime(now),
            UpdateTime = Timestamp.FromDateTime(now),
            UpdateActor = Actor,
        };
        var target = 40;
        foreach (var city in Divisions.Cities.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            plan.CityTargets.Add(new PlanCityTarget { CityCode = city.Code, TargetKeyProjectsUnderImplementation = target });
            target += 7;
        }

        return new PlanUpdated
        {
            Plan = plan,
            UpdateMask = new FieldMask { Paths = { "target_key_projects_under_implementation", "city_targets", "target_investment_growth_percent" } },
        };
    }

    /// <summary>The event with its metadata, as the outbox stores it and the relay publishes it.</summary>
    public static PlanUpdated WithMetadata(Guid id, string subject, long version, DateTime now)
    {
        var @event = Plan(2024, version, now);
        @event.Metadata = new EventMetadata
        {
            EventId = id.ToString(),
            EventType = PlanUpdated.Descriptor.FullName,
            Source = Projects.EventSource,
            OccurTime = Timestamp.FromDateTime(now),
            Subject = subject,
            SubjectVersion = version,
            Actor = Actor,
        };
        return @event;
    }

    /// <summary>The proto3 JSON body of a typical event: the size the raw ceiling sends.</summary>
    public static byte[] TypicalBody() =>
        System.Text.Encoding.UTF8.GetBytes(ProtoJson.Formatter.Format(WithMetadata(Guid.CreateVersion7(), "plans/2024", 3, DateTime.UtcNow)));

    public static string Json(IMessage message) => ProtoJson.Formatter.Format(message);
}
