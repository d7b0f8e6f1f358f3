using Google.Protobuf.Reflection;
using Industry.Projects.Data;
using Industry.Projects.Domain;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Filtering;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.UnitTests;

/// <summary>The project and report filters' meaning, run over rows in memory (EF runs the same trees as SQL).</summary>
public sealed class ProjectListingTests
{
    private static readonly DateTime Now = new(2024, 5, 20, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2025, 5, 20);

    public static TheoryData<string, string> EnumValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var (field, descriptor) in new[] { ("state", "ProjectState"), ("tier", "ProjectTier"), ("nature", "ProjectNature") })
        {
            foreach (var value in ContractEnum(descriptor).Values.Where(v => v.Number != 0))
            {
                data.Add(field, value.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EnumValues))]
    public void Filter_EveryEnumValueOfTheContract_IsAcceptedAndMeansThatValue(string field, string name)
    {
        var number = ContractEnum(field switch { "state" => "ProjectState", "tier" => "ProjectTier", _ => "ProjectNature" }).FindValueByName(name).Number;
        var project = Create("p1", 300_000_000);
        var stored = field switch
        {
            "state" => (int)project.State,
            "tier" => (int)project.Tier,
            _ => (int)project.Nature,
        };

        var matches = Filter.Translate($"{field} = {name}")!.Compile()(project);

        Assert.Equal(stored == number, matches);
    }

    [Theory]
    [InlineData(2023, "")]
    [InlineData(2024, "continuing-key completed-2024 guidance")]
    [InlineData(2025, "continuing-key continuing-major completed-2025 guidance")]
    [InlineData(2026, "continuing-key continuing-major guidance")]
    public void Filter_ImplementationYear_IsConstructionOverlappingTheYearWhateverTheTier(int year, string expected)
    {
        Project[] projects =
        [
            Started(Create("continuing-key", 300_000_000), new DateOnly(2024, 12, 31)),
            Started(Create("continuing-major", 3_000_000_000), new DateOnly(2025, 1, 1)),
            Completed(Started(Create("completed-2025", 300_000_000), new DateOnly(2025, 1, 1)), new DateOnly(2025, 1, 1)),
            Completed(Started(Create("completed-2024", 300_000_000), new DateOnly(2024, 3, 1)), new DateOnly(2024, 12, 31)),
            Create("reserve", 300_000_000),
            Started(Create("guidance", 1_000_000), new DateOnly(2024, 6, 1)),
        ];

        var predicate = Filter.Translate($"implementation_year = {year}")!.Compile();

        Assert.Equal(expected, string.Join(' ', projects.Where(predicate).Select(p => p.Id)));
    }

    [Theory]
    [InlineData("implementation_year >= 2024", "supports only =")]
    [InlineData("implementation_year = \"2024\"", "is not an integer")]
    [InlineData("implementation_year = 0", "0 is not a year")]
    [InlineData("implementation_year = 10000", "is not a year")]
    [InlineData("state = UNDER_CONSTRUCTION", "'UNDER_CONSTRUCTION' is not a value")]
    [InlineData("tier < PROJECT_TIER_KEY", "supports only = !=")]
    [InlineData("city_code = 340100", "must be a double-quoted string")]
    [InlineData("total_investment_yuan >= 1e9", "is not an integer")]
    [InlineData("planned_start_date > \"2024/01/01\"", "is not a date")]
    [InlineData("create_time > \"2024-01-01T00:00:00Z\"", "'create_time' cannot be filtered on")]
    public void Filter_Bad_IsInvalidArgumentOnFilter(string filter, string expected)
    {
        var violation = Assert.Single(Assert.Throws<ServiceException>(() => Filter.Translate(filter)).FieldViolations);

        Assert.Equal("filter", violation.Field);
        Assert.Contains(expected, violation.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("industry = \"EQUIP\"")]
    [InlineData("industry = \"equip\"")]
    [InlineData("industry = \"industries/EQUIP\"")]
    [InlineData("gbt4754_class = \"c3841\"")]
    [InlineData("enterprise_uscc = \"91340000711771143j\"")]
    public void Filter_CodesWrittenAnyCaseOrAsResourceName_MatchTheStoredCode(string filter) =>
        Assert.True(Filter.Translate(filter)!.Compile()(Create("p1", 300_000_000)));

    [Fact]
    public void Filter_Fields_AreThoseTheContractDocuments() =>
        Assert.Equal(
            [
                "actual_completion_date", "actual_start_date", "behind_schedule", "city_code", "cluster", "county_code", "digital_transformation",
                "enterprise_uscc", "gbt4754_class", "implementation_year", "industry", "nature", "park", "planned_start_date",
                "project_code", "source", "state", "tier", "total_investment_yuan", "update_time",
            ],
            Filter.Fields.Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("period = \"2023-02\"", "2023-02")]
    [InlineData("period != \"2023-02\"", "2022-12 2023-01 2023-03 2024-01")]
    [InlineData("period < \"2023-02\"", "2022-12 2023-01")]
    [InlineData("period <= \"2023-02\"", "2022-12 2023-01 2023-02")]
    [InlineData("period > \"2023-01\"", "2023-02 2023-03 2024-01")]
    [InlineData("period >= \"2023-01\" AND period <= \"2023-03\"", "2023-01 2023-02 2023-03")]
    [InlineData("period > \"2022-12\" AND period < \"2024-01\"", "2023-01 2023-02 2023-03")]
    public void ReportFilter_Period_ComparesMonthsAcrossYears(string filter, string expected)
    {
        var reports = new[] { (2022, 12), (2023, 1), (2023, 2), (2023, 3), (2024, 1) }
            .Select(p => new InvestmentReport("p1", p.Item1, p.Item2, 1, string.Empty, needsReview: false, Now, "alice"));

        var predicate = InvestmentReportListing.Filter(Array.Empty<Project>().AsQueryable()).Translate(filter)!.Compile();

        Assert.Equal(expected, string.Join(' ', reports.Where(predicate).Select(r => r.Period)));
    }

    [Theory]
    [InlineData("period = 2023-01", "must be a double-quoted string")]
    [InlineData("period = \"2023-1\"", "is not a month")]
    [InlineData("period = \"1999-12\"", "is not a month")]
    [InlineData("state = PROJECT_STATE_RESERVE", "'state' cannot be filtered on")]
    public void ReportFilter_Bad_IsInvalidArgumentOnFilter(string filter, string expected) =>
        Assert.Contains(expected, Assert.Single(Assert.Throws<ServiceException>(() => InvestmentReportListing.Filter(Array.Empty<Project>().AsQueryable()).Translate(filter)).FieldViolations).Description, StringComparison.Ordinal);

    [Theory]
    [InlineData("review_state = REVIEW_STATE_SUBMITTED", "submitted")]
    [InlineData("review_state = REVIEW_STATE_APPROVED", "approved")]
    [InlineData("review_state = REVIEW_STATE_RETURNED", "returned")]
    [InlineData("review_state != REVIEW_STATE_APPROVED", "submitted returned")]
    public void ReportFilter_ReviewState_IsTheReportsReviewState(string filter, string expected)
    {
        var returned = new InvestmentReport("returned", 2024, 1, 1, string.Empty, needsReview: true, Now, "county");
        returned.Return("金额有误", Now, "city");
        InvestmentReport[] reports =
        [
            new("submitted", 2024, 1, 1, string.Empty, needsReview: true, Now, "county"),
            new("approved", 2024, 1, 1, string.Empty, needsReview: false, Now, "city"),
            returned,
        ];

        var predicate = InvestmentReportListing.Filter(Array.Empty<Project>().AsQueryable()).Translate(filter)!.Compile();

        Assert.Equal(expected, string.Join(' ', reports.Where(predicate).Select(r => r.ProjectId)));
    }

    [Fact]
    public void ReportFilter_EveryReviewStateOfTheContract_IsAccepted()
    {
        var states = Proto.InvestmentReportReflection.Descriptor.EnumTypes.Single(e => e.Name == "ReviewState").Values.Where(v => v.Number != 0);

        Assert.All(states, v => Assert.NotNull(InvestmentReportListing.Filter(Array.Empty<Project>().AsQueryable()).Translate($"review_state = {v.Name}")));
    }

    [Theory]
    [InlineData("city_code = \"340100\"", "hefei")]
    [InlineData("city_code != \"340100\"", "wuhu")]
    [InlineData("county_code = \"340202\"", "wuhu")]
    [InlineData("review_state = REVIEW_STATE_SUBMITTED AND city_code = \"340100\"", "hefei")]
    public void ReportFilter_CityAndCounty_AreThoseOfTheReportsProject(string filter, string expected)
    {
        var projects = new[] { Create("hefei", 300_000_000, "340104"), Create("wuhu", 300_000_000, "340202") }.AsQueryable();
        var reports = projects.AsEnumerable().Select(p => new InvestmentReport(p.Id, 2024, 1, 1, string.Empty, needsReview: true, Now, "county"));

        var predicate = InvestmentReportListing.Filter(projects).Translate(filter)!.Compile();

        Assert.Equal(expected, string.Join(' ', reports.Where(predicate).Select(r => r.ProjectId)));
    }

    [Theory]
    [InlineData("review_state = SUBMITTED", "'SUBMITTED'")]
    [InlineData("review_state = REVIEW_STATE_UNSPECIFIED", "'REVIEW_STATE_UNSPECIFIED'")]
    [InlineData("review_state = \"REVIEW_STATE_SUBMITTED\"", "review_state")]
    [InlineData("review_state < REVIEW_STATE_APPROVED", "supports only")]
    [InlineData("city_code = 340100", "must be a double-quoted string")]
    public void ReportFilter_BadReviewStateOrCity_IsInvalidArgumentOnFilterNamingTheField(string filter, string expected)
    {
        var violation = Assert.Single(Assert.Throws<ServiceException>(() => InvestmentReportListing.Filter(Array.Empty<Project>().AsQueryable()).Translate(filter)).FieldViolations);

        Assert.Equal("filter", violation.Field);
        Assert.Contains(expected, violation.Description, StringComparison.Ordinal);
        Assert.StartsWith(filter.Split(' ')[0] + ":", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Order_Fields_AreThoseTheContractDocumentsWithDefaultCreateTimeDesc()
    {
        Assert.Equal("create_time desc, name desc", ProjectListing.Order.Parse(string.Empty).ToString());
        foreach (var field in new[] { "create_time", "update_time", "total_investment_yuan", "display_name" })
        {
            Assert.Equal($"{field} desc, name desc", ProjectListing.Order.Parse(field + " desc").ToString());
        }

        Assert.Equal("project_code", ProjectListing.Order.Parse("project_code").ToString()); // unique: no tie-breaker
    }

    /// <summary>The filter as a call on <see cref="Today"/> with no plan sees it.</summary>
    private static FilterSchema<Project> Filter => ProjectListing.Filter(new ScheduleLagBasis(Today, Array.Empty<Plan>().AsQueryable()));

    private static Project Create(string id, long total, string countyCode = "340104") => Project.Create(id, new ProjectDraft
    {
        DisplayName = "智能工厂改造项目",
        ProjectCode = "2024-340104-38-03-000123",
        EnterpriseUscc = "91340000711771143J",
        EnterpriseDisplayName = "科大讯飞股份有限公司",
        CountyCode = countyCode,
        Industry = "EQUIP",
        Gbt4754Class = "C3841",
        Nature = ProjectNature.Renovation,
        TotalInvestmentYuan = total,
    }, new DateOnly(2023, 1, 1), Now, "alice");

    private static Project Started(Project project, DateOnly date)
    {
        project.Transition(ProjectState.UnderConstruction, date, Today, string.Empty, Now, "alice");
        return project;
    }

    private static Project Completed(Project project, DateOnly date)
    {
        project.Transition(ProjectState.Completed, date, Today, string.Empty, Now, "alice");
        return project;
    }

    private static EnumDescriptor ContractEnum(string name) => Proto.ProjectReflection.Descriptor.EnumTypes.Single(e => e.Name == name);
}
