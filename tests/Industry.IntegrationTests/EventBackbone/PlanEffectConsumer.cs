using System.Collections.Concurrent;
using Industry.Common.V1;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Messaging;
using Industry.ServiceDefaults.Messaging.Inbox;
using Microsoft.Extensions.Logging;

namespace Industry.IntegrationTests.EventBackbone;

/// <summary>
/// A consumer of <c>PlanUpdated</c> through the real inbox. A target of <see cref="TransientFailure"/> makes it fail
/// like a passing outage (retried), <see cref="InvalidTarget"/> like an event that can never be applied (not retried),
/// one of <see cref="RefusedTargets"/> like an event whose cause an operator can fix.
/// </summary>
public sealed class PlanEffectConsumer(ConsumerTestDbContext db, TimeProvider clock, ILogger<PlanEffectConsumer> logger)
    : InboxConsumer<PlanUpdated>(db, clock, logger)
{
    public const int TransientFailure = -1;
    public const int InvalidTarget = -2;

    /// <summary>Handler calls per event id, retries included.</summary>
    public static ConcurrentDictionary<string, int> Attempts { get; } = new();

    /// <summary>Targets refused as if a row the event refers to were missing (retried, then the error queue), until removed.</summary>
    public static ConcurrentDictionary<int, bool> RefusedTargets { get; } = new();

    protected override string ConsumerName => "plan-effects";

    protected override Task HandleAsync(PlanUpdated message, EventMetadata metadata, CancellationToken cancellationToken)
    {
        Attempts.AddOrUpdate(metadata.EventId, 1, (_, n) => n + 1);
        if (RefusedTargets.ContainsKey(message.Plan.TargetKeyProjectsUnderImplementation))
        {
            throw new InvalidOperationException($"simulated missing reference row for target {message.Plan.TargetKeyProjectsUnderImplementation}");
        }

        switch (message.Plan.TargetKeyProjectsUnderImplementation)
        {
            case TransientFailure:
                throw new TimeoutException("simulated outage of a dependency");
            case InvalidTarget:
                throw new InvalidEventException("simulated event that can never be applied");
        }

        db.AppliedPlans.Add(new AppliedPlan
        {
            MessageId = Guid.Parse(metadata.EventId),
            Subject = metadata.Subject,
            Version = metadata.SubjectVersion,
            Target = message.Plan.TargetKeyProjectsUnderImplementation,
        });
        return Task.CompletedTask;
    }
}
