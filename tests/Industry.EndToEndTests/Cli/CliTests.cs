using System.Diagnostics;
using System.Text.Json;
using Industry.Clusters.V1;
using Industry.Overview.V1;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Messaging.Wire;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests.Cli;

/// <summary>
/// The command-line client <c>industry</c> (docs/cli.md) run as a process against the running suite: what it prints,
/// what it stores, and the exit codes scripts rely on (0 ok, 1 usage, 2 auth, 3 unavailable).
/// </summary>
[Collection(SuiteDefinition.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes of the stored token
public sealed class CliTests(SuiteFixture fixture)
{
    [Fact]
    public async Task LoginDev_StoresAnOwnerOnlyToken_AndWhoamiNamesTheCallerAndCity()
    {
        using var cli = new CliProcess(fixture.Suite.Gateway.HttpAddress);

        var login = await cli.RunAsync("login", "--dev", "--role", "city_editor", "--city", "340100", "--subject", "hefei-clerk", "--json");
        var whoami = await cli.RunAsync("whoami", "--json");

        Assert.True(login.ExitCode == 0, login.ToString());
        var token = Path.Combine(cli.ConfigFolder, "token");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(token));
        Assert.Equal(token, Json(login.Output).GetProperty("stored").GetString());
        Assert.True(whoami.ExitCode == 0, whoami.ToString());
        var me = Json(whoami.Output);
        Assert.Equal("hefei-clerk", me.GetProperty("subject").GetString());
        Assert.Equal(Roles.CityEditor, me.GetProperty("role").GetString());
        Assert.Equal("340100", me.GetProperty("city").GetString());
        Assert.Equal("合肥市", me.GetProperty("cityName").GetString());
    }

    [Fact]
    public async Task Whoami_InChinese_ShowsTheRoleAndCityNames()
    {
        using var cli = new CliProcess(fixture.Suite.Gateway.HttpAddress);
        await cli.RunAsync("login", "--dev", "--role", "county_editor", "--county", "340104");

        var whoami = await cli.RunAsync(new Dictionary<string, string> { ["LANG"] = "zh_CN.UTF-8" }, "whoami");

        Assert.True(whoami.ExitCode == 0, whoami.ToString());
        Assert.Contains("区县填报员", whoami.Output, StringComparison.Ordinal);
        Assert.Contains("蜀山区", whoami.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_Json_IsTheProvinceOverview()
    {
        using var cli = new CliProcess(fixture.Suite.Gateway.HttpAddress);
        await cli.RunAsync("login", "--dev", "--role", "viewer");

        var progress = await cli.RunAsync("progress", "2026", "--month", "6", "--json");

        Assert.True(progress.ExitCode == 0, progress.ToString());
        var overview = ProtoJson.Parser.Parse<ProvinceOverview>(progress.Output);
        Assert.Equal(2026, overview.Year);
        Assert.Equal(6, overview.ThroughMonth);
        Assert.Equal(SectionState.Available, overview.Projects.State);
    }

    [Fact]
    public async Task Progress_Tables_CarryChineseLabelsAndCityNames()
    {
        using var cli = new CliProcess(fixture.Suite.Gateway.HttpAddress);
        await cli.RunAsync("login", "--dev");

        var progress = await cli.RunAsync("progress", "2026", "--lang", "zh");

        Assert.True(progress.ExitCode == 0, progress.ToString());
        Assert.Contains("重点项目（计划进度）", progress.Output, StringComparison.Ordinal);
        Assert.Contains("完成投资（万元）", progress.Output, StringComparison.Ordinal);
        Assert.Contains("数字化转型", progress.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh", "zh")]
    [InlineData("en", "en")]
    public async Task TokenOfAnotherKey_IsExitCode2_WithTheServersTextInTheCallersLanguage(string lang, string expected)
    {
        using var cli = new CliProcess(fixture.Suite.Gateway.HttpAddress);
        var forged = DevelopmentTokens.Mint(TestTokens.Options, "forger", Roles.ProvinceAdmin, null, TimeSpan.FromHours(1), signingKey: new byte[32]);
        var login = await cli.RunAsync("login", "--token", forged);

        var whoami = await cli.RunAsync("whoami", "--json", "--lang", lang);

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.True(whoami.ExitCode == 2, whoami.ToString());
        var error = Json(whoami.Errors).GetProperty("error");
        Assert.Equal("TOKEN_INVALID", error.GetProperty("reason").GetString());
        var (english, chinese) = ErrorTexts.All["TOKEN_INVALID"];
        Assert.StartsWith(expected == "zh" ? chinese : english, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredToken_IsExitCode2()
    {
        using var cli = new CliProcess(fixture.Suite.Gateway.HttpAddress);
        var expired = TestTokens.Mint(Roles.Viewer, lifetime: TimeSpan.FromMinutes(-10));

        var progress = await cli.RunAsync(new Dictionary<string, string> { ["INDUSTRY_TOKEN"] = expired }, "progress", "--json");

        Assert.True(progress.ExitCode == 2, progress.ToString());
        Assert.Equal("TOKEN_EXPIRED", Json(progress.Errors).GetProperty("error").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task NotSignedIn_IsExitCode2()
    {
        using var cli = new CliProcess(fixture.Suite.Gateway.HttpAddress);

        var whoami = await cli.RunAsync("whoami");

        Assert.True(whoami.ExitCode == 2, whoami.ToString());
        Assert.Contains("industry login", whoami.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GatewayDown_IsExitCode3()
    {
        using var cli = new CliProcess(new Uri($"http://127.0.0.1:{FreePort.Next()}"));
        await cli.RunAsync("login", "--dev");

        var progress = await cli.RunAsync("progress", "--json");

        Assert.True(progress.ExitCode == 3, progress.ToString());
        Assert.Equal("GATEWAY_UNREACHABLE", Json(progress.Errors).GetProperty("error").GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("progress", "twenty")]
    [InlineData("progress", "2026", "--month", "13")]
    [InlineData("login")]
    [InlineData("login", "--dev", "--token", "x")]
    [InlineData("events", "tail", "industry.projects.v1.no-such-event")]
    [InlineData("no-such-command")]
    public async Task BadCommandLine_IsExitCode1(params string[] args)
    {
        using var cli = new CliProcess(fixture.Suite.Gateway.HttpAddress);

        var result = await cli.RunAsync(args);

        Assert.True(result.ExitCode == 1, result.ToString());
    }

    [Fact]
    public async Task EventsTail_PrintsAnEventRaisedThroughTheGateway_AsAJsonLine()
    {
        using var cli = new CliProcess(fixture.Suite.Gateway.HttpAddress, fixture.Suite.Infrastructure.RabbitMqUri);
        using var tail = Process.Start(cli.StartInfo(null, ["events", "tail", "industry.clusters.v1.cluster-created", "--json", "--count", "1"]))!;
        try
        {
            // The client says on standard error when its queue is bound; an event raised before that is not its to see.
            var listening = await tail.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.NotNull(listening);
            var created = await new ClusterService.ClusterServiceClient(fixture.Gateway).CreateClusterAsync(new CreateClusterRequest
            {
                Cluster = new Cluster { DisplayName = "命令行事件集群", Kind = ClusterKind.AdvancedManufacturing, Industry = "industries/IT", LeadDivisionCode = "340104" },
            });

            var line = await tail.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            await tail.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(0, tail.ExitCode);
            var received = Json(line!);
            Assert.Equal("industry.clusters.v1.cluster-created", received.GetProperty("exchange").GetString());
            Assert.Equal("industry.clusters.v1.ClusterCreated", received.GetProperty("type").GetString());
            Assert.Equal(created.Name, received.GetProperty("subject").GetString());
            Assert.Equal(created.Name, received.GetProperty("event").GetProperty("cluster").GetProperty("name").GetString());
            Assert.Equal("命令行事件集群", received.GetProperty("event").GetProperty("cluster").GetProperty("displayName").GetString());
        }
        finally
        {
            if (!tail.HasExited)
            {
                tail.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task EventsTail_BrokerDown_IsExitCode3()
    {
        using var cli = new CliProcess(fixture.Suite.Gateway.HttpAddress, new Uri($"amqp://guest:guest@127.0.0.1:{FreePort.Next()}/"));

        var tail = await cli.RunAsync("events", "tail", "--json");

        Assert.True(tail.ExitCode == 3, tail.ToString());
        Assert.Equal("BROKER_UNREACHABLE", Json(tail.Errors).GetProperty("error").GetProperty("reason").GetString());
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text.Trim().Split('\n')[^1]).RootElement.Clone();
}
