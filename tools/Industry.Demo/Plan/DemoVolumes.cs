using Industry.ServiceDefaults.Reference;

namespace Industry.Demo.Plan;

/// <summary>
/// How many of each thing the plan makes per year. The 2023 figures are the report's (<c>report-figures.csv</c>, read
/// from the reference data the services ship); 2022 gives each growth statement of the report (<c>report-growth.csv</c>)
/// that the data can express, and is otherwise, like 2024, a plausible neighbour (2024 near its targets), kept lighter
/// where the API has no bulk call, so that the full set loads in about two minutes.
/// </summary>
public sealed record DemoVolumes
{
    public const int FirstYear = 2022;
    public const int ReportYear = 2023;
    public const int LastYear = 2024;

    /// <summary>The report's January-October growth of renovation investment (P2), in percent.</summary>
    public decimal InvestmentGrowthPercent { get; private init; }

    public int ReportThroughMonth { get; private init; }

    public int AboveSizeEnd2023 { get; private init; }

    public IReadOnlyDictionary<int, int> NewAboveSize { get; private init; } = null!;

    /// <summary>Enterprises that entered the statistics before 2022 and have since left them (above_size false).</summary>
    public int LeftAboveSize { get; private init; }

    public IReadOnlyDictionary<int, int> InnovativeSmes { get; private init; } = null!;

    public IReadOnlyDictionary<int, int> SpecializedSmes { get; private init; } = null!;

    public IReadOnlyDictionary<int, int> LittleGiants { get; private init; } = null!;

    public IReadOnlyDictionary<int, int> SingleChampions { get; private init; } = null!;

    /// <summary>SME characteristic clusters recognised at PROVINCIAL level, by year (2021 gives the 2022 upgrades a base).</summary>
    public IReadOnlyDictionary<int, int> ProvincialSmeClusters { get; private init; } = null!;

    /// <summary>Upgrades of SME characteristic clusters to NATIONAL, by year.</summary>
    public IReadOnlyDictionary<int, int> NationalSmeClusters { get; private init; } = null!;

    /// <summary>Advanced-manufacturing clusters first recognised, by year.</summary>
    public IReadOnlyDictionary<int, int> AdvancedClusters { get; private init; } = null!;

    public int CultivatingSmeClusters { get; private init; }

    public int CultivatingAdvancedClusters { get; private init; }

    public IReadOnlyDictionary<int, int> ParksCertified { get; private init; } = null!;

    public int ParksUnderReview { get; private init; }

    public int ParksApplied { get; private init; }

    public int ParksRejected { get; private init; }

    /// <summary>Distinct enterprises with a transformation milestone dated in the year (D3 for 2023).</summary>
    public IReadOnlyDictionary<int, int> EnterprisesTransformed { get; private init; } = null!;

    /// <summary>Milestones at DIGITAL_WORKSHOP or above dated in the year.</summary>
    public IReadOnlyDictionary<int, int> WorkshopsFactoriesLeaders { get; private init; } = null!;

    /// <summary>Of the year's upper milestones, raises of an enterprise transformed in an earlier year.</summary>
    public IReadOnlyDictionary<int, int> UpperRaises { get; private init; } = null!;

    /// <summary>Digital-transformation projects in a park completed in the year (the parks service records their transformations).</summary>
    public IReadOnlyDictionary<int, int> DigitalProjectsCompleted { get; private init; } = null!;

    /// <summary>Key projects started in the year (those of 2021 are still running in 2022); more are added where a year falls short of P1.</summary>
    public IReadOnlyDictionary<int, int> KeyProjectStarts { get; private init; } = null!;

    /// <summary>Key projects under implementation required in each year (report P1's 1,200, every year).</summary>
    public int MinKeyProjectsUnderImplementation { get; private init; }

    public int ReserveProjects { get; private init; }

    public int CancelledProjects { get; private init; }

    public int SuspendedProjects { get; private init; }

    /// <summary>未报: projects that miss a month's report, in each of January through September of the dispatch year.</summary>
    public int MissingReportsPerMonth { get; private init; }

    public static DemoVolumes For(DemoScale scale)
    {
        static IReadOnlyDictionary<int, int> Years(DemoScale s, params (int Year, int Count)[] counts) =>
            counts.ToDictionary(c => c.Year, c => s.Of(c.Count));

        // The many (enterprises, qualifications, transformations, projects) scale; the few (clusters, parks) do not.
        var s = scale;
        var few = DemoScale.Full;
        return new DemoVolumes
        {
            InvestmentGrowthPercent = ReportFigures.Get("P2").Value,
            ReportThroughMonth = 10,
            AboveSizeEnd2023 = s.Of(ReportFigures.Count("C5")),
            NewAboveSize = Years(s, (2022, 2512), (2023, ReportFigures.Count("C6")), (2024, 2618)),
            LeftAboveSize = s.Of(150),
            InnovativeSmes = Years(s, (2022, ReportGrowth.Of("C9").PreviousCount(ReportFigures.Count("C9"))), (2023, ReportFigures.Count("C9")), (2024, 3052)),
            SpecializedSmes = Years(s, (2022, 300), (2023, ReportFigures.Count("C7")), (2024, 1538)),
            LittleGiants = Years(s, (2022, 40), (2023, ReportFigures.Count("C8")), (2024, 86)),
            SingleChampions = Years(s, (2022, 6), (2023, 8), (2024, 7)),
            ProvincialSmeClusters = Years(few, (2021, 14), (2022, 20), (2023, ReportFigures.Count("C1")), (2024, 27)),
            NationalSmeClusters = Years(few, (2022, 4), (2023, ReportFigures.Count("C2")), (2024, 7)),
            AdvancedClusters = Years(few, (2021, 6), (2022, 8), (2023, 10), (2024, 16)),
            CultivatingSmeClusters = few.Of(12),
            CultivatingAdvancedClusters = few.Of(6),
            ParksCertified = Years(few, (2022, 18), (2023, ReportFigures.Count("D1")), (2024, 22)),
            ParksUnderReview = few.Of(6),
            ParksApplied = few.Of(4),
            ParksRejected = few.Of(3),
            EnterprisesTransformed = Years(s, (2022, 1200), (2023, ReportFigures.Count("D3")), (2024, 6241)),
            WorkshopsFactoriesLeaders = Years(s, (2022, 60), (2023, 176), (2024, 214)),
            UpperRaises = Years(s, (2022, 0), (2023, 40), (2024, 90)),
            DigitalProjectsCompleted = Years(s, (2022, 10), (2023, 30), (2024, 30)),
            KeyProjectStarts = Years(s, (2021, 520), (2022, 690), (2023, 720), (2024, 760)),
            MinKeyProjectsUnderImplementation = s.Of(ReportFigures.Count("P1")),
            ReserveProjects = s.Of(150),
            CancelledProjects = s.Of(20),
            SuspendedProjects = s.Of(30),
            MissingReportsPerMonth = s.Of(30),
        };
    }
}
