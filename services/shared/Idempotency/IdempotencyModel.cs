using Microsoft.EntityFrameworkCore;

namespace Industry.ServiceDefaults.Idempotency;

/// <summary>The <c>idempotent_requests</c> table, added to each service's own database (and migrations) by one call.</summary>
public static class IdempotencyModel
{
    public static ModelBuilder AddIdempotencyTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IdempotentRequest>(request =>
        {
            request.ToTable("idempotent_requests");
            // Request ids are scoped by method and caller: the same id sent to two methods, or by two callers, names two
            // requests, so one caller's id never returns another caller's response.
            request.HasKey(r => new { r.Method, r.Subject, r.RequestId });
            request.Property(r => r.Method).HasMaxLength(200);
            request.Property(r => r.Subject).HasMaxLength(255);
            request.HasIndex(r => r.CreateTime); // the purge's range
        });

        return modelBuilder;
    }
}
