using Microsoft.EntityFrameworkCore;

namespace Industry.ServiceDefaults.Writes;

/// <summary>How every <see cref="VersionedResource"/> is stored, said once instead of in each entity's configuration.</summary>
public static class VersionedResourceModel
{
    /// <summary>Longest <see cref="VersionedResource.UpdateActor"/> kept: a token subject.</summary>
    public const int MaxActorLength = 200;

    /// <summary>
    /// For each entity of the model derived from <see cref="VersionedResource"/>: the name is computed, not stored; the
    /// version is the concurrency token (a stale write is <c>ABORTED</c>); the actor is bounded. Call after the entities'
    /// own configurations.
    /// </summary>
    public static ModelBuilder AddVersionedResources(this ModelBuilder modelBuilder)
    {
        foreach (var type in modelBuilder.Model.GetEntityTypes().Where(t => t.ClrType.IsAssignableTo(typeof(VersionedResource))).ToList())
        {
            var entity = modelBuilder.Entity(type.ClrType);
            entity.Ignore(nameof(VersionedResource.Name));
            entity.Property(nameof(VersionedResource.Version)).IsConcurrencyToken();
            entity.Property(nameof(VersionedResource.UpdateActor)).HasMaxLength(MaxActorLength);
        }

        return modelBuilder;
    }
}
