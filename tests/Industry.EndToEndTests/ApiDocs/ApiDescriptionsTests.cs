using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Industry.EndToEndTests.ApiDocs;
using Industry.ServiceDefaults.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Industry.EndToEndTests;

/// <summary>
/// The API descriptions the gateway serves without a token (ADR 0030), used as a client developer would: three JSON
/// operations called exactly as the OpenAPI document describes them (URL from the path template and declared
/// parameters, body and answer checked against the described schemas), and the AsyncAPI document's exchanges held
/// against the events of the contracts and the broker the running services declared them on.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ApiDescriptionsTests(SuiteFixture fixture)
{
    [Fact]
    public async Task OpenApi_ServedWithoutToken_DescribesCreateGetAndListAsTheyAnswer()
    {
        var document = new OpenApiDescription(await GetAnonymouslyAsync("/openapi/v1.json"));
        var create = document.Find("ParkService_CreatePark");
        var get = document.Find("ParkService_GetPark");
        var list = document.Find("ParkService_ListParks");
        // The checker itself must be able to refuse: a park whose name is a number is not what the schema describes.
        Assert.NotEmpty(document.Errors(create.RequestSchema, JsonNode.Parse("""{"displayName": 5}""")));

        var park = new JsonObject
        {
            ["displayName"] = "OpenAPI 验收园区",
            ["countyCode"] = "340104",
            ["parkType"] = "PARK_TYPE_NATIONAL_HIGH_TECH_ZONE",
            ["leadIndustry"] = "industries/IT",
            ["aboveSizeEnterpriseCount"] = 12,
        };
        Assert.Empty(document.Errors(create.RequestSchema, park));
        var created = await CallAsync(create, create.Url(query: new Dictionary<string, string> { ["requestId"] = Guid.NewGuid().ToString() }), park);
        var name = (string)created["name"]!;

        var read = await CallAsync(get, get.Url(name));
        var page = await CallAsync(list, list.Url(query: new Dictionary<string, string> { ["pageSize"] = "1", ["filter"] = "county_code = \"340104\"" }));

        Assert.Equal(created.ToJsonString(), read.ToJsonString());
        Assert.Single(page["parks"]!.AsArray());
    }

    [Fact]
    public async Task AsyncApi_ServedWithoutToken_ListsEveryEventExchangeTheServicesDeclared()
    {
        var document = JsonNode.Parse(await GetAnonymouslyAsync("/asyncapi/v1.json"))!;
        var exchanges = document["channels"]!.AsObject()
            .Select(c => (string)c.Value!["bindings"]!["amqp"]!["exchange"]!["name"]!)
            .Order(StringComparer.Ordinal).ToList();

        // Every exchange the services declare (one per event of the contracts) is described, and nothing else.
        Assert.Equal(BusTopology.Exchanges, exchanges);
        var factory = new ConnectionFactory { Uri = fixture.Suite.Infrastructure.RabbitMqUri };
        await using var connection = await factory.CreateConnectionAsync();
        foreach (var exchange in exchanges)
        {
            // A passive declaration closes its channel when the exchange does not exist on the broker.
            await using var probe = await connection.CreateChannelAsync();
            var missing = await Record.ExceptionAsync(() => probe.ExchangeDeclarePassiveAsync(exchange));
            Assert.False(missing is OperationInterruptedException, $"{exchange} is described but not declared on the broker.");
        }
    }

    private async Task<string> GetAnonymouslyAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = fixture.Suite.Gateway.HttpAddress };
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Sends the call with an administrator's token and checks the answer against the operation's response schema.</summary>
    private async Task<JsonNode> CallAsync(Operation operation, Uri url, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(operation.Method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await fixture.GatewayHttp.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{operation.Method} {url}: {(int)response.StatusCode} {text}");
        var answer = JsonNode.Parse(text)!;
        var errors = operation.Document.Errors(operation.ResponseSchema, answer);
        Assert.True(errors.Count == 0, $"{operation.Method} {url} answered outside its schema:\n{string.Join('\n', errors)}\n{text}");
        return answer;
    }
}
