using Industry.Parks.V1;

namespace Industry.Demo.Plan;

/// <summary>
/// 企业数字化改造: each year's transformed enterprises in the parks, most at DIGITALLY_TRANSFORMED, a few straight at
/// a workshop, factory or leader level, and some raised from an earlier year's level.
/// </summary>
public sealed partial class DemoPlanBuilder
{
    private void AddTransformations(Random random)
    {
        var v = _volumes;
        var revoked = _parks.Where(p => p.Outcome == ParkOutcome.CertifiedThenRevoked).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var accepting = _parks.Where(p => p.Outcome != ParkOutcome.Rejected).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var pool = _enterprises
            .Where(e => e.ParkId is { } park && accepting.Contains(park) && !_digitalProjectEnterprises.Contains(e.Uscc))
            .OrderBy(_ => random.Next())
            .ToList();
        var taken = new bool[pool.Count];
        var records = new List<(DemoEnterprise Enterprise, List<DemoLevelReached> Steps)>();

        for (var year = DemoVolumes.FirstYear; year <= DemoVolumes.LastYear; year++)
        {
            // The revoked park's certification ends in the last year: nothing is recorded there then.
            bool Open(DemoEnterprise e) => year < DemoVolumes.LastYear || !revoked.Contains(e.ParkId!);

            var raises = records
                .Where(r => r.Steps[^1].Year < year && r.Steps[^1].Level < TransformationLevel.DigitalLeader && Open(r.Enterprise))
                .OrderBy(_ => random.Next())
                .Take(v.UpperRaises[year])
                .ToList();
            if (raises.Count < v.UpperRaises[year])
            {
                throw new InvalidOperationException($"Only {raises.Count} transformations can be raised in {year}.");
            }

            foreach (var (_, steps) in raises)
            {
                steps.Add(new DemoLevelReached(Higher(random, steps[^1].Level), year));
            }

            var upper = v.WorkshopsFactoriesLeaders[year] - raises.Count;
            var fresh = v.EnterprisesTransformed[year] - raises.Count - v.DigitalProjectsCompleted[year];
            var next = 0;
            for (var i = 0; i < fresh; i++)
            {
                // Above size by then, in a park open that year, not transformed before.
                while (next < pool.Count && (taken[next] || pool[next].AboveSizeYear > year || !Open(pool[next])))
                {
                    next++;
                }

                if (next == pool.Count)
                {
                    throw new InvalidOperationException($"Not enough enterprises in parks to transform {fresh} in {year}.");
                }

                taken[next] = true;
                var enterprise = pool[next];
                var level = i < upper ? Higher(random, TransformationLevel.DigitallyTransformed) : TransformationLevel.DigitallyTransformed;
                records.Add((enterprise, [new DemoLevelReached(level, year)]));
            }
        }

        _transformations.AddRange(records.Select(r => new DemoTransformation(
            r.Enterprise.ParkId!, r.Enterprise.Uscc, r.Enterprise.DisplayName, r.Steps,
            r.Steps[^1].Level == TransformationLevel.DigitallyTransformed ? "生产设备联网、生产过程数据采集与经营管理系统上云。" : "建成数字化车间/智能工厂,通过省级认定。")));
    }

    /// <summary>A level above <paramref name="level"/>: mostly the next one, rarely higher.</summary>
    private static TransformationLevel Higher(Random random, TransformationLevel level)
    {
        var next = level + 1;
        return next < TransformationLevel.DigitalLeader && random.NextDouble() < 0.2 ? next + 1 : next;
    }
}
