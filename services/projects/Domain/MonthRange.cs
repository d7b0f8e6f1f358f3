namespace Industry.Projects.Domain;

/// <summary>
/// The months from <see cref="Start"/> to <see cref="End"/>, inclusive, as the statistics read them: per year, a set of
/// months as bits (bit <c>month - 1</c>), the shape in which <c>project_year_investments</c> records the months reported.
/// </summary>
public sealed record MonthRange(ReportingPeriod Start, ReportingPeriod End)
{
    /// <summary>Every month of a year as bits.</summary>
    public const int AllMonths = 0xFFF;

    /// <summary>How many months the range holds (less than one when it ends before it starts).</summary>
    public int Count => End.Ordinal - Start.Ordinal + 1;

    /// <summary>The range's months of its first year as bits.</summary>
    public int FirstYearMonths => MonthBits(Start.Month, 12);

    /// <summary>The range's months of its last year as bits.</summary>
    public int LastYearMonths => MonthBits(1, End.Month);

    /// <summary>The same months a year earlier.</summary>
    public MonthRange YearEarlier => new(Start.YearEarlier, End.YearEarlier);

    /// <summary>The months from <paramref name="first"/> to <paramref name="last"/> of one year as bits.</summary>
    public static int MonthBits(int first, int last) => ((1 << last) - 1) & ~((1 << (first - 1)) - 1);

    /// <summary>The range's months of <paramref name="year"/> as bits; 0 for a year outside it.</summary>
    public int MonthsOf(int year) =>
        year < Start.Year || year > End.Year ? 0 : (year == Start.Year ? FirstYearMonths : AllMonths) & (year == End.Year ? LastYearMonths : AllMonths);

    /// <summary>Every month of the range in order.</summary>
    public IEnumerable<ReportingPeriod> Months() =>
        Enumerable.Range(Start.Ordinal, Math.Max(Count, 0)).Select(ordinal => new ReportingPeriod((ordinal - 1) / 12, ((ordinal - 1) % 12) + 1));
}
