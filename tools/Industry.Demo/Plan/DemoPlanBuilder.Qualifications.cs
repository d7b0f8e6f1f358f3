using Industry.Clusters.V1;

namespace Industry.Demo.Plan;

/// <summary>
/// 梯度培育: qualifications by year. Specialised SMEs come mostly from innovative SMEs and little giants only from
/// specialised SMEs of that year or before (the service enforces the latter); single champions from the strongest.
/// </summary>
public sealed partial class DemoPlanBuilder
{
    private void AddQualifications(Random random)
    {
        var v = _volumes;
        var held = new Dictionary<(string Uscc, QualificationType Type), int>();
        foreach (var q in _qualifications)
        {
            held[(q.Uscc, q.Type)] = q.Year;
        }

        var order = _enterprises.OrderBy(_ => random.Next()).ToList();
        bool Holds(DemoEnterprise e, QualificationType type, int byYear) => held.TryGetValue((e.Uscc, type), out var year) && year <= byYear;
        bool Lacks(DemoEnterprise e, QualificationType type) => !held.ContainsKey((e.Uscc, type));

        void Grant(QualificationType type, int year, int count, bool anyone, params Func<DemoEnterprise, bool>[] preferences)
        {
            var granted = 0;
            foreach (var preferred in anyone ? preferences.Append(_ => true) : preferences)
            {
                foreach (var e in order)
                {
                    if (granted == count)
                    {
                        return;
                    }

                    if (Lacks(e, type) && preferred(e))
                    {
                        held[(e.Uscc, type)] = year;
                        _qualifications.Add(new DemoQualification(e.Uscc, type, year));
                        granted++;
                    }
                }
            }

            if (granted < count)
            {
                throw new InvalidOperationException($"Only {granted} enterprises can be granted {type} in {year}.");
            }
        }

        for (var year = DemoVolumes.FirstYear; year <= DemoVolumes.LastYear; year++)
        {
            var y = year;
            Grant(QualificationType.InnovativeSme, y, v.InnovativeSmes[y], anyone: true);
            Grant(QualificationType.SpecializedSme, y, v.SpecializedSmes[y], anyone: true, e => Holds(e, QualificationType.InnovativeSme, y - 1), e => Holds(e, QualificationType.InnovativeSme, y));
            Grant(QualificationType.LittleGiant, y, v.LittleGiants[y], anyone: false, e => Holds(e, QualificationType.SpecializedSme, y - 1), e => Holds(e, QualificationType.SpecializedSme, y));
            Grant(QualificationType.SingleChampion, y, v.SingleChampions[y], anyone: true, e => Holds(e, QualificationType.LittleGiant, y), e => e.AboveSize && e.AboveSizeYear < 2010);
        }
    }
}
