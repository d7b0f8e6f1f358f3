namespace Industry.Cli.UnitTests;

/// <summary>What the parser accepts and refuses before anything is sent (a refusal is exit code 1).</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("login", "--dev")]
    [InlineData("login", "--token", "a.b.c")]
    [InlineData("login", "--dev", "--role", "city_editor", "--city", "340100")]
    [InlineData("progress")]
    [InlineData("progress", "2025", "--month", "12")]
    [InlineData("--json", "whoami")]
    [InlineData("whoami", "--lang", "zh", "--gateway", "http://10.0.0.1:7080")]
    [InlineData("events", "tail")]
    [InlineData("events", "tail", "industry.projects.v1.project-created", "industry.parks.v1.park-certified", "--count", "3")]
    [InlineData("export", "projects", "--filter", "city_code = \"340100\"", "-o", "p.csv")]
    [InlineData("export", "plan-progress", "--year", "2025", "--format", "xlsx")]
    public void Accepted(params string[] args) => Assert.Empty(Parse(args));

    [Theory]
    [InlineData("login")] // neither --dev nor --token
    [InlineData("login", "--dev", "--token", "a.b.c")] // both
    [InlineData("login", "--dev", "--role", "mayor")]
    [InlineData("progress", "twenty")]
    [InlineData("progress", "2025", "--month", "0")]
    [InlineData("progress", "2025", "--month", "13")]
    [InlineData("events", "tail", "industry.projects.v1.no-such-event")]
    [InlineData("events", "tail", "--count", "0")]
    [InlineData("export", "Projects!")]
    [InlineData("export", "projects", "--format", "pdf")]
    [InlineData("import", "/no/such/file.xlsx")]
    [InlineData("import", "/no/such/file.xlsx", "--layout", "budgets")]
    [InlineData("frobnicate")]
    public void Refused(params string[] args) => Assert.NotEmpty(Parse(args));

    private static IReadOnlyList<System.CommandLine.Parsing.ParseError> Parse(string[] args) =>
        CliApplication.Build(_ => null).Parse(args).Errors;
}
