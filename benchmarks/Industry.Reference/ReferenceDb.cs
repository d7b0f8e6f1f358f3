using Microsoft.EntityFrameworkCore;

namespace Industry.Reference;

/// <summary>One table with the columns of the suite's project (its own database: the suite's rows are not touched).</summary>
internal sealed class ReferenceDb(DbContextOptions<ReferenceDb> options) : DbContext(options)
{
    public DbSet<ReferenceProject> Projects => Set<ReferenceProject>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReferenceProject>().Property(p => p.Version).IsConcurrencyToken();
        modelBuilder.Entity<ReferenceProject>().HasIndex(p => p.CountyCode);
        modelBuilder.Entity<ReferenceProject>().HasIndex(p => new { p.CreateTime, p.Id });
    }

    /// <summary>Creates the table and <paramref name="rows"/> projects <c>projects/p-ref-0001</c>… in county 340104, once.</summary>
    public async Task SeedAsync(int rows)
    {
        await Database.EnsureCreatedAsync();
        if (await Projects.AnyAsync())
        {
            return;
        }

        var now = DateTime.UtcNow;
        for (var i = 1; i <= rows; i++)
        {
            Projects.Add(new ReferenceProject
            {
                Id = $"p-ref-{i:D4}",
                DisplayName = "网关基准测试技改项目",
                ProjectCode = $"2024-340104-39-03-{i:D6}",
                EnterpriseUscc = "91340000711771143J",
                EnterpriseDisplayName = "基准测试企业",
                CountyCode = "340104",
                CityCode = "340100",
                Industry = "IT",
                Gbt4754Class = "C3971",
                Nature = 2,
                TotalInvestmentYuan = 150_000_000,
                Tier = 1,
                State = 1,
                StateDate = DateOnly.FromDateTime(now),
                CreateTime = now.AddSeconds(i),
                UpdateTime = now,
                UpdateActor = "bench-admin",
                Version = 1,
            });
        }

        await SaveChangesAsync();
    }
}

/// <summary>The suite's project columns, flat.</summary>
internal sealed class ReferenceProject
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string ProjectCode { get; set; } = "";
    public string EnterpriseUscc { get; set; } = "";
    public string EnterpriseDisplayName { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string Industry { get; set; } = "";
    public string Gbt4754Class { get; set; } = "";
    public int Nature { get; set; }
    public long TotalInvestmentYuan { get; set; }
    public long EquipmentInvestmentYuan { get; set; }
    public int Tier { get; set; }
    public DateOnly? PlannedStartDate { get; set; }
    public DateOnly? PlannedCompletionDate { get; set; }
    public DateOnly? ActualStartDate { get; set; }
    public DateOnly? ActualCompletionDate { get; set; }
    public DateOnly? ActualProductionDate { get; set; }
    public string Cluster { get; set; } = "";
    public string Park { get; set; } = "";
    public bool DigitalTransformation { get; set; }
    public string Description { get; set; } = "";
    public int State { get; set; }
    public DateOnly StateDate { get; set; }
    public string StateReason { get; set; } = "";
    public long CumulativeCompletedInvestmentYuan { get; set; }
    public string LatestReportPeriod { get; set; } = "";
    public DateTime CreateTime { get; set; }
    public DateTime UpdateTime { get; set; }
    public string UpdateActor { get; set; } = "";
    public long Version { get; set; }
}
